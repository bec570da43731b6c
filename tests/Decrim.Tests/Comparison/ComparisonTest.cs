using System.Text.Json;
using Decrim.Comparison;
using Decrim.Tests.Assessment;
using Comp = Decrim.Comparison.Comparison;

namespace Decrim.Tests.Comparison;

public class ComparisonTest
{
    private static Comp Of(string date, params string[] codes) =>
        Comp.Of(codes.Select(Repo.Catalogue.Get).ToList(), DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Of_PortugalNorwayCzechia_AnswersEveryCaseForEachJurisdiction()
    {
        var c = Of("2024-06-01", "PT", "NO", "CZ");
        Assert.Equal(["PT", "NO", "CZ"], c.Columns.Select(x => x.Policy.Code));
        Assert.All(c.Columns, col => Assert.Equal(Enum.GetValues<Case>(), col.Cells.Select(x => x.Case)));
        var no = c.Columns[1].Cells.Single(x => x.Case == Case.DependentAdultHeroin);
        Assert.Equal("dependent-own-use", no.Pathway!.Decisions[0].Rule.Id);
        Assert.Contains("punishment waived", no.Outcome);
        var pt = c.Columns[0].Cells.Single(x => x.Case == Case.DependentAdultHeroin);
        Assert.Contains("Dissuasion", pt.Outcome);
    }

    [Fact]
    public void AboveThreshold_UsesEachJurisdictionsOwnThreshold()
    {
        var c = Of("2024-06-01", "CZ", "KG");
        var cz = c.Columns[0].Cells.Single(x => x.Case == Case.AboveThreshold);
        Assert.Contains("just above 1.5 g of heroin", cz.Asked);
        Assert.True(cz.Pathway!.Criminal);
        var kg = c.Columns[1].Cells.Single(x => x.Case == Case.AboveThreshold);
        Assert.StartsWith("no threshold decides", kg.Asked);
    }

    [Fact]
    public void CannotPay_DatesEachStepOfTheEscalation()
    {
        var kg = Of("2020-06-01", "KG", "CR").Columns;
        var unpaid = kg[0].Cells.Single(x => x.Case == Case.CannotPay).Outcome;
        Assert.Contains("2020-07-01 1,000 USD due", unpaid);
        Assert.Contains("imprisonment 2.5 years to 5 years", unpaid);
        Assert.StartsWith("no fine", kg[1].Cells.Single(x => x.Case == Case.CannotPay).Outcome);
    }

    [Fact]
    public void Reports_AllFormats()
    {
        var c = Of("2024-06-01", "PT", "NO", "CZ");
        var text = ComparisonReport.Text(c);
        Assert.Contains("A dependent adult with one day's supply of heroin", text);
        Assert.Contains("Model (Hughes/INPUD typology)", text);
        var md = ComparisonReport.Markdown(c);
        AssessmentReportTest.AssertTablesWellFormed(md);
        Assert.Contains("| **An adult who is fined and cannot pay** |", md);
        var json = JsonDocument.Parse(ComparisonReport.Json(c)).RootElement;
        Assert.Equal(3, json.GetProperty("jurisdictions").GetArrayLength());
        Assert.Equal(4, json.GetProperty("jurisdictions")[0].GetProperty("cases").GetArrayLength());
        var rows = AssessmentReportTest.ParseCsv(ComparisonReport.Csv(c));
        Assert.All(rows, r => Assert.Equal(8, r.Count));
        Assert.Contains(rows, r => r[1] == "NO" && r[3] == "criterion:not-criminal" && r[7].StartsWith("not-met", StringComparison.Ordinal));
    }
}
