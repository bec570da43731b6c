using Decrim.Evaluation;
using Decrim.Policies;
using Decrim.Substances;
using YamlDotNet.RepresentationModel;

namespace Decrim.Scenarios;

/// <summary>Reads <c>policies/tests/&lt;CODE&gt;.yaml</c>, strictly, with the same file:line:col diagnostics as policies.</summary>
public static class ScenarioReader
{
    public static (ScenarioFile? File, IReadOnlyList<Diagnostic> Diagnostics) ReadFile(string path, Catalogue? catalogue = null)
    {
        var file = new PolicyFile(path);
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, [new Diagnostic(new SourcePosition(path, 1, 1), $"cannot read the file: {e.Message}")]);
        }
        var (root, error) = PolicyFile.Load(text, path, "\"jurisdiction\" and \"scenarios\"");
        if (root is null) return (null, [error!]);
        using var m = YamlMap.Of(root, file, "a scenario file");
        if (m is null) return (null, file.Diagnostics);
        var code = m.String("jurisdiction", required: true) ?? "";
        if (catalogue is not null && code.Length > 0 && !catalogue.Codes().Contains(code))
            file.Error(m.Get("jurisdiction")!, $"no policy file for jurisdiction \"{code}\" in the catalogue.");
        var scenarios = m.Sequence("scenarios", required: true).Select(n => ReadScenario(n, file, code)).OfType<Scenario>().ToList();
        var classifications = new List<ExpectedClassification>();
        foreach (var n in m.Sequence("classifications"))
        {
            using var cm = YamlMap.Of(n, file, "an expected classification");
            if (cm is null) continue;
            var date = cm.Date("date", required: true);
            var model = cm.String("model", required: true);
            var source = cm.String("source");
            if (date is not null && model is not null) classifications.Add(new ExpectedClassification(code, date.Value, model, source, cm.Position));
        }
        return file.HasErrors ? (null, file.Diagnostics) : (new ScenarioFile(code, scenarios, classifications), []);
    }

    private static Scenario? ReadScenario(YamlNode node, PolicyFile file, string code)
    {
        using var m = YamlMap.Of(node, file, "a scenario");
        if (m is null) return null;
        var name = m.String("name", required: true);
        var date = m.Date("date", required: true);
        var conduct = m.Enum("conduct", Words.Conducts) ?? Conduct.Possession;
        var items = new List<Item>();
        if (YamlMap.Of(m.Get("found"), file, "\"found\" (substance: amount)") is { } found)
        {
            using (found)
            {
                foreach (var (key, value) in ((YamlMappingNode)found.Node).Children)
                {
                    var id = ((YamlScalarNode)key).Value ?? "";
                    found.Get(id);
                    if (!SubstanceVocabulary.Shared.TryGet(id, out var s)) { file.Error(key, $"unknown substance \"{id}\"."); continue; }
                    Quantity? q = null;
                    if (value is YamlScalarNode { Value: { Length: > 0 } v } && v != "~")
                    {
                        if (Quantity.TryParse(v, out var parsed, out var error)) q = parsed;
                        else file.Error(value, error + ".");
                    }
                    items.Add(new Item(s, q));
                }
            }
        }
        var dependent = m.Bool("dependent");
        var encounter = new Encounter
        {
            Date = date ?? default,
            Conduct = conduct,
            Items = items,
            Dependence = dependent switch { true => Dependence.Dependent, false => Dependence.NotDependent, null => Dependence.Unknown },
            Age = m.Int("age", min: 0),
            Prior = m.Int("prior", min: 0) ?? 0,
            Place = m.Enum("place", Words.Places) ?? Place.Public,
            Resident = m.Bool("resident") ?? true,
            Rebutted = m.Bool("rebutted") ?? false,
            Outlet = m.Enum("outlet", Words.Outlets),
            Bought = ReadQuantity(m, "bought", file),
            Window = m.String("window") is { } w ? (Period.TryParse(w, out var p, out _) ? p : null) : null,
        };
        var expect = ReadExpectation(m.Require("expect"), file);
        return name is null || date is null || expect is null ? null : new Scenario(code, name, encounter, expect, m.Position);
    }

    private static Expectation? ReadExpectation(YamlNode? node, PolicyFile file)
    {
        using var m = YamlMap.Of(node, file, "\"expect\"");
        if (m is null) return null;
        var kinds = m.Has("kinds") ? m.List("kinds").Select(k => Kind(k, file)).ToList() : null;
        var absent = m.Has("absent") ? m.List("absent").Select(k => Kind(k, file)).ToList() : null;
        Money? fine = null;
        if (m.String("fine") is { } f)
        {
            if (Money.TryParse(f, out var money, out var error)) fine = money;
            else file.Error(m.Get("fine")!, error + ".");
        }
        var escalation = m.Has("escalation") ? m.List("escalation").Select(x => DateOnly.TryParse(x.Text, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : default).ToList() : null;
        var police = m.Has("police") ? m.List("police").Select(x => x.Text).ToList() : null;
        return new Expectation
        {
            Version = m.String("version"),
            Criminal = m.Bool("criminal"),
            Offence = m.String("offence"),
            Kinds = kinds,
            Absent = absent,
            Rule = m.String("rule"),
            Fine = fine,
            Escalation = escalation,
            Police = police,
            Error = m.String("error"),
        };
    }

    private static string Kind((string Text, YamlNode Node) k, PolicyFile file)
    {
        if (!ResponseKinds.Words.ContainsKey(k.Text)) file.Error(k.Node, $"unknown response kind \"{k.Text}\"; expected one of: {string.Join(", ", ResponseKinds.Words.Keys)}.");
        return k.Text;
    }

    private static Quantity? ReadQuantity(YamlMap m, string key, PolicyFile file)
    {
        if (m.String(key) is not { } text) return null;
        if (Decrim.Quantity.TryParse(text, out var q, out var error)) return q;
        file.Error(m.Get(key)!, error + ".");
        return null;
    }
}
