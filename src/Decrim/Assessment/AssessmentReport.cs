using System.Globalization;
using System.Text;
using System.Text.Json;
using Decrim.Policies;

namespace Decrim.Assessment;

/// <summary>
/// Renders assessments as text for a terminal, JSON for programs, Markdown for reports and CSV for spreadsheets.
/// Every format carries the same facts: each criterion's verdict, finding, evidence and sources, and the counts
/// per group. A series of assessments (one per version) renders as a matrix so change over time is visible.
/// </summary>
public static class AssessmentReport
{
    public static string Text(Assessment a)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{a.Policy.Name} ({a.Policy.Code}) on {Day(a.Date)}, version {a.Version.Id}");
        sb.AppendLine($"Against: {a.Criteria.Title}");
        sb.AppendLine();
        sb.AppendLine($"Fully decriminalised: {Headline(a)}");
        sb.AppendLine($"Score: {a.Count(Verdict.Met)} met, {a.Count(Verdict.NotMet)} not met, {a.Count(Verdict.Unknown)} unknown, of {a.Judgements.Count} criteria (counted, not weighted)");
        foreach (var s in a.Scores)
            sb.AppendLine($"  {GroupTitle(s.Group),-58} {s.Met,2} met {s.NotMet,3} not met {s.Unknown,3} unknown");
        foreach (var g in a.Criteria.Groups)
        {
            sb.AppendLine();
            sb.AppendLine(GroupTitle(g));
            foreach (var j in a.Judgements.Where(j => j.Criterion.Group == g.Id))
            {
                sb.AppendLine($"  {Mark(j.Verdict)} {j.Criterion.Title}: {j.Verdict.Title()}{(j.Unverified ? " (rests on an unverified fact)" : "")}");
                sb.AppendLine($"      {j.Finding}");
                // A met computed criterion is explained by its finding; the rules that decided it are in JSON and Markdown.
                if (j.Verdict == Verdict.Met && j.Criterion.Test.Kind.IsComputed()) continue;
                foreach (var e in j.Evidence)
                {
                    sb.AppendLine($"      - {e.Text}");
                    sb.AppendLine($"        [{ShortBasis(e)}]{(e.Encounters is null ? "" : " in: " + e.Encounters)}");
                }
            }
        }
        sb.AppendLine();
        sb.AppendLine("Sources:");
        foreach (var id in SourcesUsed(a)) sb.AppendLine($"  {id}: {SourceTitle(a.Policy, id)}");
        sb.AppendLine();
        sb.AppendLine($"Criteria quote {string.Join(" and ", a.Criteria.Sources.Values.Select(s => s.Title))}.");
        return sb.ToString();
    }

    public static string Markdown(Assessment a)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"## {Md(a.Policy.Name)} ({a.Policy.Code}), {Day(a.Date)}: version `{a.Version.Id}`");
        sb.AppendLine();
        sb.AppendLine($"Assessed against *{Md(a.Criteria.Title)}*. **Fully decriminalised: {Md(Headline(a))}**");
        sb.AppendLine();
        sb.AppendLine("| Group | Met | Not met | Unknown |");
        sb.AppendLine("|---|---:|---:|---:|");
        foreach (var s in a.Scores) sb.AppendLine($"| {Md(GroupTitle(s.Group))} | {s.Met} | {s.NotMet} | {s.Unknown} |");
        sb.AppendLine($"| **All criteria** | **{a.Count(Verdict.Met)}** | **{a.Count(Verdict.NotMet)}** | **{a.Count(Verdict.Unknown)}** |");
        foreach (var g in a.Criteria.Groups)
        {
            sb.AppendLine();
            sb.AppendLine($"### {Md(GroupTitle(g))}");
            sb.AppendLine();
            sb.AppendLine(Md(g.Summary));
            sb.AppendLine();
            sb.AppendLine("| Criterion | Verdict | Finding | Basis |");
            sb.AppendLine("|---|---|---|---|");
            foreach (var j in a.Judgements.Where(j => j.Criterion.Group == g.Id))
            {
                var basis = string.Join("<br>", j.Evidence.Select(e => Md(ShortBasis(e))).Where(b => b.Length > 0).Distinct().Take(6));
                sb.AppendLine($"| {Md(j.Criterion.Title)} | {Mark(j.Verdict)} {j.Verdict.Title()}{(j.Unverified ? " (unverified)" : "")} | {Md(j.Finding)} | {basis} |");
            }
        }
        sb.AppendLine();
        sb.AppendLine("Sources cited above:");
        sb.AppendLine();
        foreach (var id in SourcesUsed(a)) sb.AppendLine($"- `{id}`: {Md(SourceTitle(a.Policy, id))}");
        sb.AppendLine();
        sb.AppendLine($"Criteria quote {Md(string.Join(" and ", a.Criteria.Sources.Values.Select(s => s.Title)))}.");
        return sb.ToString();
    }

    public static string Csv(IEnumerable<Assessment> assessments)
    {
        var sb = new StringBuilder();
        sb.AppendLine("jurisdiction,date,version,group,criterion,title,verdict,unverified,finding,evidence,sources");
        foreach (var a in assessments)
            foreach (var j in a.Judgements)
            {
                var evidence = string.Join(" | ", j.Evidence.Select(e => $"{e.Text} [{ShortBasis(e)}]"));
                var sources = string.Join(" | ", j.Evidence.Select(e => e.Citation?.SourceId).OfType<string>().Distinct().Select(id => $"{id}: {SourceTitle(a.Policy, id)}"));
                sb.AppendLine(string.Join(",", new[]
                {
                    a.Policy.Code, Day(a.Date), a.Version.Id, j.Criterion.Group, j.Criterion.Id, j.Criterion.Title, j.Verdict.Name(),
                    j.Unverified ? "true" : "false", j.Finding, evidence, sources,
                }.Select(CsvField)));
            }
        return sb.ToString();
    }

    public static string Json(Assessment a) => Decrim.Json.Write(w => WriteAssessment(w, a));

    public static string Json(IReadOnlyList<Assessment> series) => Decrim.Json.Write(w =>
    {
        w.WriteStartArray();
        foreach (var a in series) WriteAssessment(w, a);
        w.WriteEndArray();
    });

    /// <summary>Versions side by side: one column per version, one row per criterion, and the counts at the foot.</summary>
    public static string TimelineText(IReadOnlyList<Assessment> series)
    {
        if (series.Count == 0) return "";
        var first = series[0];
        var sb = new StringBuilder();
        sb.AppendLine($"{first.Policy.Name} ({first.Policy.Code}): each version on its first day, against {first.Criteria.Title}");
        sb.AppendLine();
        for (var i = 0; i < series.Count; i++)
            sb.AppendLine($"  [{i + 1}] {Day(series[i].Version.From)}  {series[i].Version.Id}: fully decriminalised {Headline(series[i])}");
        sb.AppendLine();
        const int width = 48;
        sb.AppendLine($"  {"criterion",-width} {string.Join(" ", series.Select((_, i) => $"[{i + 1}]".PadLeft(4)))}");
        foreach (var g in first.Criteria.Groups)
        {
            sb.AppendLine($"  {GroupTitle(g)}");
            foreach (var c in first.Criteria.All.Where(c => c.Group == g.Id))
                sb.AppendLine($"    {Trim(c.Title, width - 2),-(width - 2)} {string.Join(" ", series.Select(a => Mark(VerdictOf(a, c)).PadLeft(4)))}");
        }
        sb.AppendLine($"  {"met / not met / unknown",-width} {string.Join(" ", series.Select(a => $"{a.Count(Verdict.Met)}/{a.Count(Verdict.NotMet)}/{a.Count(Verdict.Unknown)}".PadLeft(4)))}");
        Changes(series, line => sb.AppendLine(line));
        return sb.ToString();
    }

    public static string TimelineMarkdown(IReadOnlyList<Assessment> series)
    {
        if (series.Count == 0) return "";
        var first = series[0];
        var sb = new StringBuilder();
        sb.AppendLine($"## {Md(first.Policy.Name)} ({first.Policy.Code}): assessment by version");
        sb.AppendLine();
        sb.AppendLine($"Each version on its first day, against *{Md(first.Criteria.Title)}*. ✓ met, ✗ not met, ? unknown.");
        sb.AppendLine();
        sb.AppendLine("| Criterion | " + string.Join(" | ", series.Select(a => $"{Day(a.Version.From)}<br>`{a.Version.Id}`")) + " |");
        sb.AppendLine("|---|" + string.Concat(series.Select(_ => ":-:|")));
        foreach (var g in first.Criteria.Groups)
        {
            sb.AppendLine($"| **{Md(GroupTitle(g))}** |" + string.Concat(series.Select(_ => " |")));
            foreach (var c in first.Criteria.All.Where(c => c.Group == g.Id))
                sb.AppendLine($"| {Md(c.Title)} | " + string.Join(" | ", series.Select(a => Mark(VerdictOf(a, c)))) + " |");
        }
        sb.AppendLine("| **Met / not met / unknown** | " + string.Join(" | ", series.Select(a => $"{a.Count(Verdict.Met)} / {a.Count(Verdict.NotMet)} / {a.Count(Verdict.Unknown)}")) + " |");
        sb.AppendLine("| **Fully decriminalised** | " + string.Join(" | ", series.Select(a => a.FullyDecriminalised.Title())) + " |");
        sb.AppendLine();
        Changes(series, line => sb.AppendLine(line.StartsWith("  - ", StringComparison.Ordinal) ? "  " + line.TrimStart() : line.Length == 0 ? "" : "- " + line.Trim()));
        return sb.ToString();
    }

    /// <summary>
    /// What changed from one version to the next: verdicts that flipped, and for the rest the evidence that appeared
    /// or disappeared (Norway's 2022 rulings change who is punished without yet changing a verdict).
    /// </summary>
    private static void Changes(IReadOnlyList<Assessment> series, Action<string> line)
    {
        for (var i = 1; i < series.Count; i++)
        {
            var before = series[i - 1];
            var after = series[i];
            var lines = new List<string>();
            foreach (var j in after.Judgements)
            {
                var was = before.Judgements.First(x => x.Criterion.Id == j.Criterion.Id);
                var added = j.Evidence.Select(e => e.Text).Except(was.Evidence.Select(e => e.Text)).ToList();
                var removed = was.Evidence.Select(e => e.Text).Except(j.Evidence.Select(e => e.Text)).ToList();
                if (was.Verdict != j.Verdict) lines.Add($"  - {j.Criterion.Title}: {was.Verdict.Title()} → {j.Verdict.Title()} ({j.Finding})");
                else if (j.Verdict == Verdict.NotMet && (added.Count > 0 || removed.Count > 0))
                    lines.Add($"  - {j.Criterion.Title}: still not met;{(added.Count > 0 ? " now: " + string.Join("; ", added) + "." : "")}{(removed.Count > 0 ? " No longer: " + string.Join("; ", removed) + "." : "")}");
            }
            if (lines.Count == 0) continue;
            line("");
            line($"  {Day(after.Version.From)} {after.Version.Id}:");
            foreach (var l in lines) line(l);
        }
    }

    private static Verdict VerdictOf(Assessment a, Criterion c) => a.Judgements.First(j => j.Criterion.Id == c.Id).Verdict;

    internal static string Headline(Assessment a) => a.FullyDecriminalised switch
    {
        Verdict.Met => "yes: every criterion on sanctions, control and thresholds is met",
        Verdict.NotMet => "no; not met: " + string.Join("; ", a.Shortfalls.Select(j => j.Criterion.Title.ToLowerInvariant())),
        _ => "undetermined: " + string.Join("; ", a.Judgements.Where(j => a.Criteria.GroupOf(j.Criterion).Core && j.Verdict == Verdict.Unknown).Select(j => j.Criterion.Title.ToLowerInvariant())) + " unknown",
    };

    private static void WriteAssessment(Utf8JsonWriter w, Assessment a)
    {
        w.WriteStartObject();
        w.WriteString("jurisdiction", a.Policy.Code);
        w.WriteString("name", a.Policy.Name);
        w.WriteString("date", Day(a.Date));
        w.WriteString("version", a.Version.Id);
        w.WriteString("framework", a.Criteria.Framework);
        w.WriteString("fullyDecriminalised", a.FullyDecriminalised.Name());
        w.WriteStartObject("score");
        w.WriteNumber("met", a.Count(Verdict.Met));
        w.WriteNumber("notMet", a.Count(Verdict.NotMet));
        w.WriteNumber("unknown", a.Count(Verdict.Unknown));
        w.WriteStartArray("groups");
        foreach (var s in a.Scores)
        {
            w.WriteStartObject();
            w.WriteString("group", s.Group.Id);
            w.WriteString("title", s.Group.Title);
            w.WriteBoolean("core", s.Group.Core);
            w.WriteString("summary", s.Group.Summary);
            w.WriteNumber("met", s.Met);
            w.WriteNumber("notMet", s.NotMet);
            w.WriteNumber("unknown", s.Unknown);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartArray("criteria");
        foreach (var j in a.Judgements)
        {
            w.WriteStartObject();
            w.WriteString("id", j.Criterion.Id);
            w.WriteString("group", j.Criterion.Group);
            w.WriteString("title", j.Criterion.Title);
            w.WriteString("requires", j.Criterion.Requires);
            w.WriteString("judged", j.Criterion.Test.Kind.IsComputed() ? "computed" : "fact");
            w.WriteString("test", j.Criterion.Test.Kind.Name());
            w.WriteString("verdict", j.Verdict.Name());
            w.WriteBoolean("unverified", j.Unverified);
            w.WriteString("finding", j.Finding);
            w.WriteStartArray("evidence");
            foreach (var e in j.Evidence)
            {
                w.WriteStartObject();
                w.WriteString("text", e.Text);
                if (e.Rule is not null) w.WriteString("rule", e.Rule);
                if (e.Encounters is not null) w.WriteString("encounters", e.Encounters);
                if (e.Citation is { } c)
                {
                    w.WriteStartObject("citation");
                    if (c.SourceId is not null)
                    {
                        w.WriteString("source", c.SourceId);
                        w.WriteString("title", SourceTitle(a.Policy, c.SourceId));
                        if (a.Policy.Sources.TryGetValue(c.SourceId, out var s) && s.Url is not null) w.WriteString("url", s.Url);
                    }
                    if (c.Pinpoint is not null) w.WriteString("pinpoint", c.Pinpoint);
                    w.WriteBoolean("unverified", c.Unverified);
                    if (c.Note is not null) w.WriteString("note", c.Note);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("cites");
            foreach (var p in j.Criterion.Cites)
            {
                w.WriteStartObject();
                w.WriteString("source", p.SourceId);
                w.WriteString("pinpoint", p.Pinpoint);
                w.WriteString("quote", p.Quote);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static IEnumerable<string> SourcesUsed(Assessment a) =>
        a.Judgements.SelectMany(j => j.Evidence).Select(e => e.Citation?.SourceId).OfType<string>().Distinct().Order(StringComparer.Ordinal);

    private static string SourceTitle(Policy policy, string id) => policy.Sources.TryGetValue(id, out var s) ? s.Title : id;

    private static string ShortBasis(Evidence e)
    {
        var parts = new List<string>();
        if (e.Rule is not null) parts.Add($"rule {e.Rule}");
        if (e.Citation is { SourceId: { } id } c) parts.Add(c.Pinpoint is null ? id : $"{id}, {c.Pinpoint}");
        if (e.Citation is { Unverified: true }) parts.Add("unverified");
        return string.Join("; ", parts);
    }

    internal static string Mark(Verdict v) => v switch { Verdict.Met => "✓", Verdict.NotMet => "✗", _ => "?" };

    private static string GroupTitle(CriterionGroup g) => g.Core ? $"{g.Title} (core)" : g.Title;

    internal static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Trim(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    /// <summary>Text safe inside a Markdown table cell: pipes escaped, line breaks as spaces.</summary>
    internal static string Md(string s) => s.Replace("\\", "\\\\").Replace("|", "\\|").Replace("\r", "").Replace("\n", " ").Replace("*", "\\*").Replace("_", "\\_");

    /// <summary>One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, with quotes doubled.</summary>
    internal static string CsvField(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) < 0 ? s : "\"" + s.Replace("\"", "\"\"") + "\"";
}
