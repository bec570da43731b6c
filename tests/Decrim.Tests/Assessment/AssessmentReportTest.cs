using System.Text.Json;
using Decrim.Assessment;

namespace Decrim.Tests.Assessment;

/// <summary>The four formats carry the same judgements; Markdown tables are well formed; CSV parses back.</summary>
public class AssessmentReportTest
{
    private static readonly Decrim.Assessment.Assessment Kyrgyzstan = Assessor.Assess(Repo.Catalogue.Get("KG"), new DateOnly(2020, 6, 1));

    [Fact]
    public void Text_ShowsHeadlineCountsEveryCriterionAndSources()
    {
        var text = AssessmentReport.Text(Kyrgyzstan);
        Assert.Contains("Kyrgyzstan (KG) on 2020-06-01, version misconduct-code-2019", text);
        Assert.Contains("Fully decriminalised: no; not met: no fines; no other penalties", text);
        Assert.Contains($"Score: {Kyrgyzstan.Count(Verdict.Met)} met, {Kyrgyzstan.Count(Verdict.NotMet)} not met, {Kyrgyzstan.Count(Verdict.Unknown)} unknown, of 26 criteria", text);
        foreach (var c in Criteria.Default.All) Assert.Contains(c.Title, text);
        Assert.Contains("  seed-003: ", text);
    }

    [Fact]
    public void Json_HoldsVerdictsEvidenceCitationsAndQuotes()
    {
        var json = JsonDocument.Parse(AssessmentReport.Json(Kyrgyzstan)).RootElement;
        Assert.Equal("KG", json.GetProperty("jurisdiction").GetString());
        Assert.Equal("not-met", json.GetProperty("fullyDecriminalised").GetString());
        var criteria = json.GetProperty("criteria").EnumerateArray().ToList();
        Assert.Equal(26, criteria.Count);
        var fines = criteria.Single(c => c.GetProperty("id").GetString() == "no-fines");
        Assert.Equal("not-met", fines.GetProperty("verdict").GetString());
        Assert.Equal("computed", fines.GetProperty("judged").GetString());
        Assert.StartsWith("No fine, administrative or criminal", fines.GetProperty("requires").GetString());
        var evidence = fines.GetProperty("evidence")[0];
        Assert.Equal("seed-003", evidence.GetProperty("citation").GetProperty("source").GetString());
        Assert.Contains("including fines", fines.GetProperty("cites")[0].GetProperty("quote").GetString());
        var score = json.GetProperty("score");
        Assert.Equal(26, score.GetProperty("met").GetInt32() + score.GetProperty("notMet").GetInt32() + score.GetProperty("unknown").GetInt32());
    }

    [Fact]
    public void Markdown_EveryTableRowHasTheHeadersColumnCount()
    {
        var md = AssessmentReport.Markdown(Assessor.Assess(Repo.Catalogue.Get("PT"), new DateOnly(2024, 6, 1)));
        AssertTablesWellFormed(md);
        Assert.Contains("| Criterion | Verdict | Finding | Basis |", md);
        Assert.Contains("| No fines | ✗ not met |", md);
        Assert.Contains("| **All criteria** |", md);
    }

    [Fact]
    public void Markdown_Timeline_IsOneWellFormedTable()
    {
        var md = AssessmentReport.TimelineMarkdown(Assessor.Timeline(Repo.Catalogue.Get("NO")));
        AssertTablesWellFormed(md);
        Assert.Contains("2022-04-08<br>`supreme-court-2022`", md);
        Assert.Contains("- 2022-07-01 advisory-units-2022:", md);
    }

    [Fact]
    public void Markdown_PipesInFindingsAreEscaped() =>
        Assert.Equal("a \\| b", AssessmentReport.Md("a | b"));

    [Fact]
    public void Csv_ParsesBackWithOneRowPerCriterion()
    {
        var rows = ParseCsv(AssessmentReport.Csv([Kyrgyzstan]));
        Assert.Equal(["jurisdiction", "date", "version", "group", "criterion", "title", "verdict", "unverified", "finding", "evidence", "sources"], rows[0]);
        Assert.Equal(27, rows.Count);
        Assert.All(rows.Skip(1), r => Assert.Equal(11, r.Count));
        var fines = rows.Single(r => r[4] == "no-fines");
        Assert.Equal("not-met", fines[6]);
        Assert.Contains("500 USD", fines[8]);
        Assert.Contains(rows.Skip(1), r => r[8].Contains(',', StringComparison.Ordinal));
    }

    internal static void AssertTablesWellFormed(string markdown)
    {
        int? columns = null;
        foreach (var line in markdown.Split('\n'))
        {
            if (!line.StartsWith('|'))
            {
                columns = null;
                continue;
            }
            var count = Cells(line);
            columns ??= count;
            Assert.True(columns == count, $"row has {count} cells, header {columns}: {line}");
        }
    }

    private static int Cells(string line)
    {
        var pipes = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\') { i++; continue; }
            if (line[i] == '|') pipes++;
        }
        return pipes - 1;
    }

    /// <summary>RFC 4180, enough to read back what the report writes.</summary>
    internal static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (ch == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; }
            else if (ch != '\r') field.Append(ch);
        }
        return rows;
    }
}
