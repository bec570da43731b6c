using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Decrim.Policies;

/// <summary>
/// Reads one YAML mapping strictly: every key must be read by the caller, and <see cref="Dispose"/> reports the
/// keys nobody asked for as unknown (OpenFisca silently ignored typo'd keys; we do not). Every value read is
/// type-checked and a wrong value becomes a diagnostic at its own line and column, never an exception.
/// </summary>
internal sealed class YamlMap : IDisposable
{
    private readonly YamlMappingNode _node;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly string _what;

    public YamlMap(YamlMappingNode node, PolicyFile file, string what)
    {
        _node = node;
        File = file;
        _what = what;
    }

    public PolicyFile File { get; }
    public YamlNode Node => _node;
    public SourcePosition Position => File.At(_node);

    public static YamlMap? Of(YamlNode? node, PolicyFile file, string what)
    {
        if (node is YamlMappingNode m) return new YamlMap(m, file, what);
        if (node is not null) file.Error(node, $"{what} must be a mapping of keys to values.");
        return null;
    }

    public bool Has(string key) => _node.Children.ContainsKey(new YamlScalarNode(key));

    public YamlNode? Get(string key)
    {
        _read.Add(key);
        return _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
    }

    public YamlNode? Require(string key)
    {
        var node = Get(key);
        if (node is null) File.Error(_node, $"{_what} needs a \"{key}\" key.");
        return node;
    }

    public string? String(string key, bool required = false)
    {
        var node = required ? Require(key) : Get(key);
        if (node is null) return null;
        if (node is YamlScalarNode { Value: { } v } && v.Length > 0) return v;
        File.Error(node, $"\"{key}\" in {_what} must be a non-empty text value.");
        return null;
    }

    public bool? Bool(string key)
    {
        var node = Get(key);
        if (node is null) return null;
        if (node is YamlScalarNode { Value: "true" or "false" } s) return s.Value == "true";
        File.Error(node, $"\"{key}\" in {_what} must be true or false.");
        return null;
    }

    public int? Int(string key, int min = int.MinValue)
    {
        var node = Get(key);
        if (node is null) return null;
        if (node is YamlScalarNode { Value: { } v } && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i >= min)
            return i;
        File.Error(node, $"\"{key}\" in {_what} must be a whole number of at least {Math.Max(min, 0)}.");
        return null;
    }

    public decimal? Decimal(string key)
    {
        var node = Get(key);
        if (node is null) return null;
        if (node is YamlScalarNode { Value: { } v } && decimal.TryParse(v, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) && d > 0)
            return d;
        File.Error(node, $"\"{key}\" in {_what} must be a positive number.");
        return null;
    }

    public DateOnly? Date(string key, bool required = false)
    {
        var node = required ? Require(key) : Get(key);
        if (node is null) return null;
        if (node is YamlScalarNode { Value: { } v }
            && DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return d;
        File.Error(node, $"\"{key}\" in {_what} must be a date written as YYYY-MM-DD.");
        return null;
    }

    public T? Enum<T>(string key, IReadOnlyDictionary<string, T> names, bool required = false) where T : struct
    {
        var node = required ? Require(key) : Get(key);
        return node is null ? null : File.EnumValue(node, key, names);
    }

    /// <summary>A scalar or a sequence of scalars, returned as a list of (text, node) pairs.</summary>
    public IReadOnlyList<(string Text, YamlNode Node)> List(string key, bool required = false)
    {
        var node = required ? Require(key) : Get(key);
        return node is null ? [] : File.ScalarList(node, key);
    }

    public IEnumerable<YamlNode> Sequence(string key, bool required = false)
    {
        var node = required ? Require(key) : Get(key);
        if (node is null) return [];
        if (node is YamlSequenceNode seq) return seq.Children;
        File.Error(node, $"\"{key}\" in {_what} must be a list (each item starting with \"- \").");
        return [];
    }

    public void Dispose()
    {
        foreach (var (key, _) in _node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "?";
            if (!_read.Contains(name))
                File.Error(key, $"unknown key \"{name}\" in {_what}; expected one of: {string.Join(", ", _read.Order(StringComparer.Ordinal))}.");
        }
    }
}
