using YamlDotNet.RepresentationModel;

namespace Decrim.Policies;

/// <summary>One YAML file being read: its name for diagnostics, and the diagnostics found so far.</summary>
internal sealed class PolicyFile(string name)
{
    private readonly List<Diagnostic> _diagnostics = [];

    public string Name { get; } = name;
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;
    public bool HasErrors => _diagnostics.Count > 0;

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
