using System.Text;
using Decrim.Assessment;
using Decrim.Classification;
using Decrim.Policies;
using static Decrim.Assessment.AssessmentReport;

namespace Decrim.Comparison;

/// <summary>Renders a comparison: per case, what each jurisdiction does; then models and assessments side by side.</summary>
public static class ComparisonReport
{
    public static string Text(Comparison c)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{string.Join(", ", c.Columns.Select(x => $"{x.Policy.Name} ({x.Policy.Code})"))} on {Day(c.Date)}");
        foreach (var col in c.Columns) sb.AppendLine($"  {col.Policy.Code,-6} version {col.Version.Id}: {col.Version.Summary}");
        foreach (var kase in Enum.GetValues<Case>())
        {
            sb.AppendLine();
            sb.AppendLine(Comparison.Title(kase));
            foreach (var col in c.Columns)
            {
                var cell = col.Cells.First(x => x.Case == kase);
                sb.AppendLine($"  {col.Policy.Code,-6} {cell.Asked}");
                sb.AppendLine($"  {"",-6} {cell.Outcome}");
            }
        }
        sb.AppendLine();
        sb.AppendLine("Model (Hughes/INPUD typology)");
        foreach (var col in c.Columns) sb.AppendLine($"  {col.Policy.Code,-6} {ModelText(col)}");
        sb.AppendLine();
        sb.AppendLine("Full decriminalisation (INPUD and the civil-society platform)");
        foreach (var col in c.Columns)
        {
            var a = col.Assessment;
            sb.AppendLine($"  {col.Policy.Code,-6} {a.Count(Verdict.Met)} met, {a.Count(Verdict.NotMet)} not met, {a.Count(Verdict.Unknown)} unknown; fully decriminalised: {Headline(a)}");
        }
        sb.AppendLine();
        var width = c.Assessment().Max(a => a.Criteria.All.Max(x => x.Title.Length));
        sb.AppendLine($"  {"criterion".PadRight(width)} {string.Join(" ", c.Columns.Select(x => x.Policy.Code.PadLeft(6)))}");
        foreach (var criterion in c.Columns[0].Assessment.Criteria.All)
            sb.AppendLine($"  {criterion.Title.PadRight(width)} {string.Join(" ", c.Columns.Select(x => Mark(x.Assessment.Judgements.First(j => j.Criterion.Id == criterion.Id).Verdict).PadLeft(6)))}");
        return sb.ToString();
    }

    public static string Markdown(Comparison c)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"## {Md(string.Join(", ", c.Columns.Select(x => x.Policy.Name)))} on {Day(c.Date)}");
        sb.AppendLine();
        sb.AppendLine("| | " + string.Join(" | ", c.Columns.Select(x => $"{Md(x.Policy.Name)} ({x.Policy.Code})<br>`{x.Version.Id}`")) + " |");
        sb.AppendLine("|---|" + string.Concat(c.Columns.Select(_ => "---|")));
        foreach (var kase in Enum.GetValues<Case>())
            sb.AppendLine($"| **{Md(Comparison.Title(kase))}** | " + string.Join(" | ", c.Columns.Select(col =>
            {
                var cell = col.Cells.First(x => x.Case == kase);
                return $"*{Md(cell.Asked)}*<br>{Md(cell.Outcome)}";
            })) + " |");
        sb.AppendLine("| **Model** | " + string.Join(" | ", c.Columns.Select(col => Md(ModelText(col)))) + " |");
        sb.AppendLine("| **Criteria met / not met / unknown** | " + string.Join(" | ", c.Columns.Select(col =>
            $"{col.Assessment.Count(Verdict.Met)} / {col.Assessment.Count(Verdict.NotMet)} / {col.Assessment.Count(Verdict.Unknown)}")) + " |");
        sb.AppendLine("| **Fully decriminalised** | " + string.Join(" | ", c.Columns.Select(col => Md(Headline(col.Assessment)))) + " |");
        foreach (var criterion in c.Columns[0].Assessment.Criteria.All)
            sb.AppendLine($"| {Md(criterion.Title)} | " + string.Join(" | ", c.Columns.Select(col =>
            {
                var j = col.Assessment.Judgements.First(x => x.Criterion.Id == criterion.Id);
                return $"{Mark(j.Verdict)} {j.Verdict.Title()}";
            })) + " |");
        return sb.ToString();
    }

    public static string Csv(Comparison c)
    {
        var sb = new StringBuilder();
        sb.AppendLine("date,jurisdiction,version,row,asked,offence,criminal,outcome");
        foreach (var col in c.Columns)
        {
            string Row(params string[] fields) => string.Join(",", new[] { Day(c.Date), col.Policy.Code, col.Version.Id }.Concat(fields).Select(CsvField));
            foreach (var cell in col.Cells)
                sb.AppendLine(Row(Comparison.Name(cell.Case), cell.Asked, cell.Pathway is { } p ? Words.Name(p.Offence) : "",
                    cell.Pathway is { } q ? (q.Criminal ? "true" : "false") : "", cell.Outcome));
            sb.AppendLine(Row("model", "", "", "", ModelText(col)));
            foreach (var j in col.Assessment.Judgements)
                sb.AppendLine(Row("criterion:" + j.Criterion.Id, j.Criterion.Title, "", "", $"{j.Verdict.Name()}: {j.Finding}"));
        }
        return sb.ToString();
    }

    public static string Json(Comparison c) => Decrim.Json.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("date", Day(c.Date));
        w.WriteStartArray("jurisdictions");
        foreach (var col in c.Columns)
        {
            w.WriteStartObject();
            w.WriteString("jurisdiction", col.Policy.Code);
            w.WriteString("name", col.Policy.Name);
            w.WriteString("version", col.Version.Id);
            if (col.Model is { } m)
            {
                w.WriteString("model", m.Headline.Name());
                w.WriteBoolean("deJure", m.DeJure);
                w.WriteString("scope", m.Scope);
            }
            w.WriteStartArray("cases");
            foreach (var cell in col.Cells)
            {
                w.WriteStartObject();
                w.WriteString("case", Comparison.Name(cell.Case));
                w.WriteString("title", Comparison.Title(cell.Case));
                w.WriteString("asked", cell.Asked);
                if (cell.Pathway is { } p)
                {
                    w.WriteString("offence", Words.Name(p.Offence));
                    w.WriteBoolean("criminal", p.Criminal);
                    w.WriteStartArray("rules");
                    foreach (var d in p.Decisions.Select(d => d.Rule.Id).Distinct()) w.WriteStringValue(d);
                    w.WriteEndArray();
                    w.WriteStartArray("consequences");
                    foreach (var x in p.Consequences) w.WriteStringValue(x.Response.Kind.Name());
                    w.WriteEndArray();
                }
                w.WriteString("outcome", cell.Outcome);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            var a = col.Assessment;
            w.WriteStartObject("assessment");
            w.WriteString("fullyDecriminalised", a.FullyDecriminalised.Name());
            w.WriteNumber("met", a.Count(Verdict.Met));
            w.WriteNumber("notMet", a.Count(Verdict.NotMet));
            w.WriteNumber("unknown", a.Count(Verdict.Unknown));
            w.WriteStartObject("criteria");
            foreach (var j in a.Judgements) w.WriteString(j.Criterion.Id, j.Verdict.Name());
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static string ModelText(Column col) => col.Model is { } m
        ? $"{m.Headline.Title()} ({(m.DeJure ? "de jure" : "de facto")}; {m.Scope})"
        : "not classified: no rule for possession";

    private static IEnumerable<Assessment.Assessment> Assessment(this Comparison c) => c.Columns.Select(x => x.Assessment);
}
