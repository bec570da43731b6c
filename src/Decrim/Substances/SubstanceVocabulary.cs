using YamlDotNet.RepresentationModel;

namespace Decrim.Substances;

/// <summary>
/// The shared substance vocabulary, read once from the embedded <c>substances.yaml</c>. Policies and encounters
/// name substances by id (<c>heroin</c>) or, where a rule covers a whole group, by group (<c>opioids</c>).
/// </summary>
public sealed class SubstanceVocabulary
{
    public static SubstanceVocabulary Shared { get; } = Load();

    private readonly Dictionary<string, Substance> _byId;

    private SubstanceVocabulary(IReadOnlyDictionary<string, string> groups, IEnumerable<Substance> substances)
    {
        Groups = groups;
        _byId = substances.ToDictionary(s => s.Id, StringComparer.Ordinal);
        All = [.. _byId.Values];
        _index = All.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _index;

    /// <summary>The position of a substance in <see cref="All"/>: the substance column of a batch of encounters; -1 if unknown.</summary>
    public int IndexOf(ReadOnlySpan<char> id) => _index.TryGetValue(id, out var i) ? i : -1;

    /// <summary>Group id → display name.</summary>
    public IReadOnlyDictionary<string, string> Groups { get; }
    public IReadOnlyList<Substance> All { get; }

    public bool TryGet(string id, out Substance substance) => _byId.TryGetValue(id, out substance!);

    public Substance this[string id] => _byId[id];

    /// <summary>Expands a substance id or a group id into substances; false when the name is neither.</summary>
    public bool TryExpand(string name, out IReadOnlyList<Substance> substances)
    {
        if (_byId.TryGetValue(name, out var one)) { substances = [one]; return true; }
        if (Groups.ContainsKey(name)) { substances = [.. All.Where(s => s.Group == name)]; return true; }
        if (name == "all") { substances = All; return true; }
        substances = [];
        return false;
    }

    public string KnownNames => string.Join(", ", _byId.Keys) + "; groups: " + string.Join(", ", Groups.Keys) + ", all";

    private static SubstanceVocabulary Load()
    {
        using var stream = typeof(SubstanceVocabulary).Assembly.GetManifestResourceStream("Decrim.Substances.substances.yaml")
            ?? throw new InvalidOperationException("The substance vocabulary is not embedded in the assembly.");
        var yaml = new YamlStream();
        yaml.Load(new StreamReader(stream));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var groups = ((YamlMappingNode)root["groups"]).Children
            .ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => ((YamlScalarNode)kv.Value).Value!, StringComparer.Ordinal);
        var substances = new List<Substance>();
        foreach (var (key, value) in ((YamlMappingNode)root["substances"]).Children)
        {
            var m = (YamlMappingNode)value;
            var units = ((YamlSequenceNode)m["units"]).Children.Select(u =>
                Unit.TryParse(((YamlScalarNode)u).Value!, out var unit) ? unit : throw new InvalidOperationException($"Unknown unit {u}.")).ToList();
            if (!Quantity.TryParse(((YamlScalarNode)m["probe"]).Value, out var probe, out var error))
                throw new InvalidOperationException(error);
            substances.Add(new Substance(((YamlScalarNode)key).Value!, ((YamlScalarNode)m["name"]).Value!, ((YamlScalarNode)m["group"]).Value!, units, probe));
        }
        return new SubstanceVocabulary(groups, substances);
    }
}
