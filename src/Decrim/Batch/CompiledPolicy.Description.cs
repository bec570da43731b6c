using System.Globalization;
using System.Text;
using Decrim.Policies;
using Decrim.Substances;

namespace Decrim.Batch;

public sealed partial class CompiledPolicy
{
    /// <summary>
    /// The compiled form in readable text, like Regex's <c>DescribeInstruction</c>: per version, each group of
    /// (conduct, substances) that compiled identically, with its quantity limits per unit, the rule tree with
    /// each exception's compiled test, and the police checks.
    /// </summary>
    public string Describe()
    {
        var sb = new StringBuilder();
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        var body = new StringBuilder();
        for (var v = 0; v < Policy.Versions.Count; v++)
        {
            var version = Policy.Versions[v];
            body.AppendLine(CultureInfo.InvariantCulture, $"version {version.Id} [{version.From:yyyy-MM-dd} .. {(version.To is { } to ? to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "open")}): tiers {(_tiers[v].Length == 0 ? "none" : string.Join(", ", _tiers[v]))}");
            var groups = new List<(string Text, List<string> Keys)>();
            for (var c = 0; c < ConductCount; c++)
            {
                for (var s = 0; s < _substanceCount; s++)
                {
                    var text = DescribeSpec(_specs[_specIndex[(v * ConductCount + c) * _substanceCount + s]]);
                    distinct.Add(text);
                    var key = $"{Words.Name((Conduct)c)} {SubstanceVocabulary.Shared.All[s].Id}";
                    var group = groups.FirstOrDefault(g => g.Text == text);
                    if (group.Keys is null) groups.Add((text, [key])); else group.Keys.Add(key);
                }
            }
            foreach (var (text, keys) in groups)
            {
                body.AppendLine(CultureInfo.InvariantCulture, $"  {Abbreviate(keys)}:");
                body.Append(text);
            }
        }
        sb.AppendLine(CultureInfo.InvariantCulture, $"{Policy.Code} compiled: {Policy.Versions.Count} versions, {_rules.Length} rules, {_specs.Length} specialisations ({distinct.Count} distinct), {_nodes.Length} nodes (numbered from each tree's root below), {_police.Length} police checks, {_quantity.Length} quantity programs");
        sb.Append(body);
        return sb.ToString();
    }

    private string DescribeSpec(in Spec spec)
    {
        if (spec.Error != BatchError.None) return $"    error: {Describe(spec.Error)}{Environment.NewLine}";
        var sb = new StringBuilder();
        var tiers = _tiers[spec.Version];
        if (spec.BenefitOfDoubt) sb.AppendLine("    dependence not stated → dependent (benefit of the doubt)");
        for (var t = 0; t < spec.Tiers; t++)
        {
            var parts = new List<string>();
            for (var u = 0; u < UnitSlots; u++)
            {
                var q = _quantity[spec.QuantityOffset + t * UnitSlots + u];
                var unit = u == 0 ? "no amount" : Unit.All[u - 1].Symbol;
                // Mass and volume convert: show grams and millilitres for them, every count unit on its own.
                if (u > 0 && Unit.All[u - 1] is { Dimension: not Dimension.Count } x && x != Unit.Gram && x != Unit.Millilitre) continue;
                switch (q.Kind)
                {
                    case QuantityKind.Unspecified when u == 0: parts.Add("unspecified (no threshold)"); break;
                    case QuantityKind.Unspecified: break;
                    case QuantityKind.Measured:
                        var limits = new List<string>();
                        if (q.LimitConclusive != long.MaxValue) limits.Add($"> {Amount(q.LimitConclusive)} conclusive");
                        if (q.LimitRebuttable != long.MaxValue) limits.Add($"> {Amount(q.LimitRebuttable)} rebuttable");
                        if (limits.Count > 0 || u == 0) parts.Add($"{unit}: {(limits.Count == 0 ? "within" : "above if " + string.Join(", ", limits))}");
                        break;
                    case QuantityKind.AmountNeeded: parts.Add("no amount: error"); break;
                    case QuantityKind.UnitNotComparable: break;
                }
            }
            sb.AppendLine(CultureInfo.InvariantCulture, $"    tier {tiers[t]}: {(parts.Count == 0 ? "—" : string.Join("; ", parts))}");
        }
        DescribeNode(sb, spec.Root, spec.Root, 0, tiers);
        sb.AppendLine(spec.TableOffset >= 0
            ? $"    tabulated: {System.Numerics.BitOperations.PopCount(spec.Mask)} feature bits, {_ageKeys[spec.AgeOffset + 255] / (1 << System.Numerics.BitOperations.PopCount(spec.Mask)) + 1} age bands, prior incidents capped at {spec.PriorCap}"
            : "    walked: too many bands or bits to tabulate");
        var instructions = Policy.Versions[spec.Version].Police;
        string Bits(uint bits) => string.Join(", ", Enumerable.Range(0, instructions.Count).Where(i => (bits & (1u << i)) != 0)
            .Select(i => $"{i} {instructions[i].Id} ({Words.Name(instructions[i].Instruction)})"));
        if (spec.PoliceAlways != 0) sb.AppendLine(CultureInfo.InvariantCulture, $"    police always: {Bits(spec.PoliceAlways)}");
        foreach (var p in _police.AsSpan(spec.PoliceOffset, spec.PoliceCount))
            sb.AppendLine(CultureInfo.InvariantCulture, $"    police if {DescribeCheck(p.When, tiers)}: {Bits(p.Bits)}");
        return sb.ToString();
    }

    private void DescribeNode(StringBuilder sb, int root, int n, int depth, string[] tiers)
    {
        var node = _nodes[n];
        var rule = _rules[node.Rule];
        var test = depth == 0 ? "base" : "if " + DescribeCheck(node.When, tiers);
        sb.AppendLine(CultureInfo.InvariantCulture, $"    {n - root,3} {new string(' ', 2 * depth)}{test} → rule {node.Rule} {rule.Id} ({Words.Name(rule.Offence)}; {(rule.Then.Count == 0 ? "nothing" : string.Join(", ", rule.Then.Select(r => r.Kind.Name())))})");
        for (var c = node.FirstChild; c < node.FirstChild + node.ChildCount; c++) DescribeNode(sb, root, c, depth + 1, tiers);
    }

    private static string DescribeCheck(Check check, string[] tiers)
    {
        if (check.Forbidden == ulong.MaxValue) return "never";
        var parts = new List<string>();
        string? Group(int offset, int width, Func<int, string> name)
        {
            var forbidden = (check.Forbidden >> offset) & ((1UL << width) - 1);
            if (forbidden == 0) return null;
            return string.Join("|", Enumerable.Range(0, width).Where(i => (forbidden & (1UL << i)) == 0).Select(name));
        }
        if (Group(NotDependentBit, 2, i => i == 1 ? "yes" : "no") is { } d) parts.Add($"dependent={d}");
        if (Group(NotResidentBit, 2, i => i == 1 ? "yes" : "no") is { } r) parts.Add($"resident={r}");
        if (Group(PlaceBits, 9, i => Words.Names((Place)(1 << i))) is { } p) parts.Add($"place={p}");
        if (Group(OutletBits, OutletSlots, i => i == 0 ? "none" : Words.Name((OutletType)(i - 1))) is { } o) parts.Add($"outlet={o}");
        if (Group(PurchaseBits, 5, i => i == 0 ? "none" : ((PurchaseStatus)(1 << (i - 1))).ToString().ToLowerInvariant()) is { } s) parts.Add($"purchase={s}");
        for (var t = 0; t < tiers.Length; t++)
            if (Group(TierBits + 3 * t, 3, i => ((QuantityState)i).ToString().ToLowerInvariant()) is { } q) parts.Add($"{tiers[t]}={q}");
        if (check.AgeMin != 0 || check.AgeMax != int.MaxValue) parts.Add($"age {new IntRange(check.AgeMin, check.AgeMax)}");
        if (check.PriorMin != 0 || check.PriorMax != int.MaxValue) parts.Add($"prior {new IntRange(check.PriorMin, check.PriorMax)}");
        return parts.Count == 0 ? "always" : string.Join(" & ", parts);
    }

    private static string Amount(long millionths) =>
        millionths < 0 ? "nothing (always above)" : (millionths / (decimal)EncounterFlags.AmountScale).ToString("0.######", CultureInfo.InvariantCulture);

    private static string Abbreviate(List<string> keys)
    {
        var byConduct = keys.GroupBy(k => k[..k.IndexOf(' ', StringComparison.Ordinal)]).ToList();
        return string.Join("; ", byConduct.Select(g =>
        {
            var subs = g.Select(k => k[(k.IndexOf(' ', StringComparison.Ordinal) + 1)..]).ToList();
            return $"{g.Key} of {(subs.Count == SubstanceVocabulary.Shared.All.Count ? "any substance" : string.Join(", ", subs))}";
        }));
    }
}
