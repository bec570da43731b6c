namespace Decrim.Web;

/// <summary>
/// The texts of the pages, for localisation: the English text is the key, and Resources/Text.&lt;language&gt;.resx
/// translates it. A language is added by adding its .resx file and its code to Decrim:Languages — no code.
/// </summary>
public sealed class Text;
