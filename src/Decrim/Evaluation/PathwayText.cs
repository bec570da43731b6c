using System.Text;
using Decrim.Policies;

namespace Decrim.Evaluation;

/// <summary>Renders a pathway for a person reading a terminal: the steps, their legal basis, the police notes, the trace.</summary>
public static class PathwayText
{
    public static string Write(Pathway p)
    {
        var sb = new StringBuilder();
        var e = p.Encounter;
        sb.AppendLine($"{p.Policy.Name} ({p.Policy.Code}), {e.Date:yyyy-MM-dd}: {Words.Name(e.Conduct)} of {string.Join(" + ", e.Items.Select(i => i.Amount is { } a ? $"{a} {i.Substance.Id}" : i.Substance.Id))}");
        sb.AppendLine($"Version {p.Version.Id} (in force from {p.Version.From:yyyy-MM-dd}{(p.Version.To is { } to ? $" until {to.AddDays(-1):yyyy-MM-dd}" : "")}, {Words.Name(p.Version.Basis)}; verified {p.Version.Verified:yyyy-MM-dd})");
        sb.AppendLine($"  {p.Version.Summary}");
        sb.AppendLine($"Offence: {Words.Name(p.Offence)}. Criminal consequences: {(p.Criminal ? "yes" : "no")}.");
        sb.AppendLine();
        sb.AppendLine("Pathway:");
        var step = 1;
        foreach (var c in p.Consequences)
        {
            sb.AppendLine($"  {step++}. {Describe(c.Response)}{(p.Decisions.Count > 1 ? $" [{string.Join(", ", c.Substances)}]" : "")}");
            sb.AppendLine($"     basis: rule {c.Rule.Id} ({Words.Name(c.Rule.Basis)}); {Cite(p.Policy, c.Response.Citation)}");
            foreach (var a in c.Response.InAbsence)
                sb.AppendLine($"     if the person does not appear: {Describe(a)} ({Cite(p.Policy, a.Citation)})");
            foreach (var ev in c.Escalation)
            {
                var what = ev.AmountDue is { } due ? $"amount due becomes {due}" : "";
                if (ev.Then.Count > 0) what += (what.Length > 0 ? "; " : "") + string.Join("; ", ev.Then.Select(Describe));
                sb.AppendLine($"     if unpaid, on {ev.Date:yyyy-MM-dd}: {what}");
                sb.AppendLine($"        ({ev.HowComputed}; {Cite(p.Policy, ev.Citation)})");
            }
        }
        if (p.Police.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Police practice:");
            foreach (var n in p.Police)
                sb.AppendLine($"  - {Words.Name(n.Instruction.Instruction)} ({Words.Name(n.Instruction.By)}){(n.Instruction.Note is null ? "" : ": " + n.Instruction.Note)}; {Cite(p.Policy, n.Instruction.Citation)}");
        }
        sb.AppendLine();
        sb.AppendLine("Trace:");
        foreach (var t in p.Trace)
        {
            sb.AppendLine($"  - [{t.Rule}] {t.Outcome}: {t.Explanation}");
            foreach (var r in t.Reads)
                sb.AppendLine($"      {r.Variable}: {r.Actual} (needs {r.Required}) {(r.Holds ? "✓" : "✗")}");
        }
        if (p.Warnings.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Warnings:");
            foreach (var w in p.Warnings) sb.AppendLine($"  ! {w}");
        }
        return sb.ToString();
    }

    public static string Describe(Response r)
    {
        var sb = new StringBuilder(r.Kind.Name().Replace('-', ' '));
        if (r.Discretionary) sb.Insert(0, "may impose: ");
        if (r.Kind == ResponseKind.Fine && r.Criminal) sb.Append(" (criminal)");
        if (!r.Amount.IsEmpty) sb.Append(' ').Append(r.Amount);
        if (!r.Duration.IsEmpty) sb.Append(' ').Append(r.Duration);
        if (r.PayWithin is { } pw) sb.Append($", to pay within {pw}");
        if (r.Expiable) sb.Append(" (paying ends the matter)");
        if (r.What is not null) sb.Append(": ").Append(r.What);
        if (r.By is not null) sb.Append($" (by {r.By})");
        if (r.Note is not null) sb.Append(" — ").Append(r.Note);
        return sb.ToString();
    }

    public static string Cite(Policy policy, Citation c)
    {
        var title = c.SourceId is { } id && policy.Sources.TryGetValue(id, out var s) ? s.Title : null;
        var text = title is null ? "no source" : c.Pinpoint is null ? title : $"{title}, {c.Pinpoint}";
        return c.Unverified ? $"{text} [UNVERIFIED: {c.Note}]" : text;
    }
}
