using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Decrim.Policies;

/// <summary>One YAML file being read: its name for diagnostics, and the diagnostics found so far.</summary>
internal sealed class PolicyFile(string name)
{
    private readonly List<Diagnostic> _diagnostics = [];

    public string Name { get; } = name;
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;
    public bool HasErrors => _diagnostics.Count > 0;

    /// <summary>
    /// Parses <paramref name="text"/> into its first document's root node, or says in one line why it cannot: bad YAML
    /// at its position, or an empty file (naming the keys <paramref name="expected"/>). Never throws.
    /// </summary>
    public static (YamlNode? Root, Diagnostic? Error) Load(string text, string fileName, string expected)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count > 0) return (stream.Documents[0].RootNode, null);
        }
        catch (YamlException e)
        {
            var at = new SourcePosition(fileName, (int)Math.Max(1, e.Start.Line), (int)Math.Max(1, e.Start.Column));
            return (null, new Diagnostic(at, "the file is not valid YAML: " + FirstSentence(e)));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            // YamlDotNet reports some malformed documents (a broken alias, a key that is itself a collection) this way, without a position.
            return (null, new Diagnostic(new SourcePosition(fileName, 1, 1), "the file is not valid YAML: " + e.Message.TrimEnd('.') + "."));
        }
        return (null, new Diagnostic(new SourcePosition(fileName, 1, 1), $"the file is empty; expected {expected}."));
    }

    private static string FirstSentence(YamlException e)
    {
        var m = e.InnerException?.Message ?? e.Message;
        var i = m.IndexOf("): ", StringComparison.Ordinal);
        return (i >= 0 ? m[(i + 3)..] : m).TrimEnd('.') + ".";
    }

    public SourcePosition At(YamlNode node) => new(Name, (int)Math.Max(1, node.Start.Line), (int)Math.Max(1, node.Start.Column));

    public void Error(YamlNode node, string message) => Error(At(node), message);

    /// <summary>Records a problem once: a node shared through a YAML alias is read once per use but reported once.</summary>
    public void Error(SourcePosition at, string message)
    {
        var d = new Diagnostic(at, message);
        if (!_diagnostics.Contains(d)) _diagnostics.Add(d);
    }

    public T? EnumValue<T>(YamlNode node, string key, IReadOnlyDictionary<string, T> names) where T : struct
    {
        if (node is YamlScalarNode { Value: { } v } && names.TryGetValue(v, out var value)) return value;
        Error(node, $"\"{key}\" must be one of: {string.Join(", ", names.Keys)}{Found(node)}.");
        return null;
    }

    public IReadOnlyList<(string Text, YamlNode Node)> ScalarList(YamlNode node, string key)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } one }) return [(one, node)];
        if (node is YamlSequenceNode seq)
        {
            var items = new List<(string, YamlNode)>();
            foreach (var child in seq.Children)
            {
                if (child is YamlScalarNode { Value: { Length: > 0 } v }) items.Add((v, child));
                else Error(child, $"each item of \"{key}\" must be a single text value.");
            }
            return items;
        }
        Error(node, $"\"{key}\" must be a value or a list of values.");
        return [];
    }

    private static string Found(YamlNode node) =>
        node is YamlScalarNode { Value: { } v } ? $" (found \"{v}\")" : "";
}
