using Decrim.Policies;
using Decrim.Substances;
using YamlDotNet.RepresentationModel;

namespace Decrim.Simulation;

/// <summary>
/// Reads a reform file strictly (unknown keys are errors, each at file:line:col). A reform names what it starts
/// from (<c>policy</c>, <c>as-of</c>) and lists <c>changes</c>; each change cites a source or states an assumption.
/// docs/simulation.md describes the format.
/// </summary>
public static class ReformReader
{
    public static (Reform? Reform, IReadOnlyList<Diagnostic> Diagnostics) Read(string text, string fileName)
    {
        var file = new PolicyFile(fileName);
        var (root, error) = PolicyFile.Load(text, fileName, "\"name\" and \"policy\", \"as-of\" or \"changes\"");
        if (root is null) return (null, [error!]);
        var reform = ReadReform(file, root);
        return file.HasErrors ? (null, file.Diagnostics) : (reform, []);
    }

    public static (Reform? Reform, IReadOnlyList<Diagnostic> Diagnostics) ReadFile(string path)
    {
        try { return Read(System.IO.File.ReadAllText(path), path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, [new Diagnostic(new SourcePosition(path, 1, 1), $"cannot read the file: {e.Message}")]);
        }
    }

    private static Reform? ReadReform(PolicyFile file, YamlNode root)
    {
        using var m = YamlMap.Of(root, file, "the reform");
        if (m is null) return null;
        var name = m.String("name", required: true);
        var description = m.String("description");
        var sources = PolicyReader.ReadSources(file, m.Sequence("sources"));
        var policy = m.String("policy");
        if (policy is not null && !PolicyReader.JurisdictionCode().IsMatch(policy))
            file.Error(m.Get("policy")!, $"\"policy\" must be a catalogue code such as PT or US-OR, not \"{policy}\".");
        var asOf = m.Date("as-of");
        var changes = new List<ReformChange>();
        foreach (var node in m.Sequence("changes"))
            if (ReadChange(file, node, sources) is { } c) changes.Add(c);
        if (policy is null && asOf is null && changes.Count == 0 && !file.HasErrors)
            file.Error(m.Node, "a reform changes something: give \"policy\" (another jurisdiction's), \"as-of\" (a version held over the horizon) or \"changes\".");
        return name is null ? null : new Reform { Name = name, Description = description, Policy = policy, AsOf = asOf, Changes = changes, Sources = sources, File = file.Name };
    }

    private static ReformChange? ReadChange(PolicyFile file, YamlNode node, IReadOnlyDictionary<string, Source> sources)
    {
        using var m = YamlMap.Of(node, file, "a change");
        if (m is null) return null;
        var source = m.String("source");
        var pinpoint = m.String("pinpoint");
        var assumption = m.String("assumption");
        if (source is not null && !sources.ContainsKey(source)) file.Error(m.Get("source")!, $"source \"{source}\" is not in the reform's \"sources\" list.");
        if ((source is null) == (assumption is null))
            file.Error(m.Node, "each change needs a \"source\" (an id from \"sources\") or an \"assumption\", not both and not neither.");
        var provenance = new Provenance(source, pinpoint, assumption);
        var kinds = new[] { "threshold", "fine", "remove" }.Where(m.Has).ToList();
        if (kinds.Count != 1)
        {
            foreach (var k in new[] { "threshold", "fine", "remove" }) m.Get(k);
            file.Error(m.Node, "a change is exactly one of \"threshold\", \"fine\" or \"remove\".");
            return null;
        }
        using var c = YamlMap.Of(m.Get(kinds[0]), file, $"\"{kinds[0]}\"");
        if (c is null) return null;
        switch (kinds[0])
        {
            case "threshold":
            {
                var substances = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (text, n) in c.List("substances", required: true))
                {
                    if (SubstanceVocabulary.Shared.TryExpand(text, out var expanded)) substances.UnionWith(expanded.Select(s => s.Id));
                    else file.Error(n, $"\"{text}\" is not a substance or group; known: {SubstanceVocabulary.Shared.KnownNames}.");
                }
                Quantity? amount = null;
                if (c.String("amount", required: true) is { } a)
                {
                    if (Quantity.TryParse(a, out var q, out var error)) amount = q;
                    else file.Error(c.Get("amount")!, error + ".");
                }
                var tier = c.String("tier") ?? Threshold.DefaultTier;
                var meaning = c.Enum("meaning", Words.Meanings) ?? ThresholdMeaning.Conclusive;
                return amount is null || substances.Count == 0 ? null : new SetThreshold(substances, amount.Value, tier, meaning, provenance);
            }
            case "fine":
            {
                var rule = c.String("rule");
                Money? amount = null;
                if (c.String("amount", required: true) is { } a)
                {
                    if (Money.TryParse(a, out var money, out var error)) amount = money;
                    else file.Error(c.Get("amount")!, error + ".");
                }
                return amount is null ? null : new SetFine(rule, amount.Value, provenance);
            }
            default:
            {
                var rule = c.String("rule");
                var kind = c.Enum("kind", ResponseKinds.Words, required: true);
                return kind is null ? null : new RemoveResponse(rule, kind.Value, provenance);
            }
        }
    }
}
