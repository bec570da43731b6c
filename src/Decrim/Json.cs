using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Decrim;

/// <summary>
/// How every report writes JSON: by hand, through a <see cref="Utf8JsonWriter"/>, indented, with non-ASCII text as
/// itself. Written by hand so each shape is a visible contract that a renamed C# property cannot change.
/// </summary>
internal static class Json
{
    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            write(w);
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
