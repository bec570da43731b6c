using System.Text;

namespace Decrim.Policies;

/// <summary>Prints a compiled version for humans, as Regex's DescribeInstruction does: thresholds, the rule tree, practice, supply.</summary>
public static class PolicyDescription
{
    public static string Describe(this PolicyVersion v)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{v.Id}: {v.From:yyyy-MM-dd} – {(v.To is { } to ? to.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "")} ({Words.Name(v.Basis)}; verified {v.Verified:yyyy-MM-dd}) [{v.Citation}]");
        sb.AppendLine($"  {v.Summary}");
        if (v.Thresholds.Count > 0)
        {
            sb.AppendLine("  thresholds:");
            foreach (var t in v.Thresholds) sb.AppendLine($"    {t.Describe()} [{t.Citation}]");
        }
        sb.AppendLine("  rules:");
        foreach (var rule in v.Rules) Describe(sb, rule, "    ");
        if (v.Police.Count > 0)
        {
            sb.AppendLine("  police:");
            foreach (var p in v.Police)
                sb.AppendLine($"    {Words.Name(p.Instruction)} ({Words.Name(p.By)}){(p.When.IsAlways ? "" : " when " + p.When.Describe())} [{p.Citation}]");
        }
        if (v.Supply.Count > 0)
        {
            sb.AppendLine("  supply:");
            foreach (var o in v.Supply)
                sb.AppendLine($"    {Words.Name(o.Type)} {o.Id}: {string.Join(", ", o.Substances.Order(StringComparer.Ordinal))}{(o.MinAge is { } a ? $", {a}+" : "")}{(o.Residency ? ", residents" : "")}{(o.Registration ? ", registered" : "")}; {string.Join("; ", o.Limits.Select(l => $"{l.Amount} per {l.Per}"))} [{o.Citation}]");
        }
        return sb.ToString();
    }

    private static void Describe(StringBuilder sb, RuleNode node, string indent)
    {
        var head = node.Depth == 0 ? $"{string.Join("|", node.Conducts.Select(Words.Name))}" : $"except when {node.When.Describe()}";
        sb.AppendLine($"{indent}{node.Id}: {head} → {Words.Name(node.Offence)} ({Words.Name(node.Basis)}) [{node.Citation}]");
        foreach (var r in node.Then) sb.AppendLine($"{indent}  - {Evaluation.PathwayText.Describe(r)}");
        foreach (var e in node.Exceptions) Describe(sb, e, indent + "  ");
    }
}
