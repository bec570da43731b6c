using Decrim.Evaluation;
using Decrim.Monitoring;

namespace Decrim.Tests.Monitoring;

public sealed class ReportInputTest
{
    private static readonly DateOnly Today = new(2026, 11, 21);
    private static readonly IReadOnlySet<string> Codes = new HashSet<string> { "NO", "PT", "US-OR", "CA-BC" };

    private static ReportInput Valid => new()
    {
        Jurisdiction = "no", Week = "2026-W40", Setting = "street", Authority = "police",
        Acts = [new("stopped"), new("fine", Amount: "3000 NOK"), new("drug-test", Consented: false), new("arrest", Hours: 6)],
        Carried = [new ItemInput("heroin", "2g")], Dependence = "dependent", AgeBand = "25-34", Housing = "homeless", Text = "  words  ",
    };

    [Fact]
    public void Parse_Valid_GivesReportWithItsWeekAndActsInOrder()
    {
        var r = Valid.Parse(Today, Codes, out var errors);
        Assert.Empty(errors);
        Assert.NotNull(r);
        Assert.Equal("NO", r.Jurisdiction);
        Assert.Equal("2026-W40", r.Week.ToString());
        Assert.Equal([ActKind.Stopped, ActKind.DrugTest, ActKind.Fine, ActKind.Arrest], r.Acts.Select(a => a.Kind));
        Assert.Equal(new Money(3000, "NOK"), r.Acts.Single(a => a.Kind == ActKind.Fine).Amount);
        Assert.Equal("words", r.Text);
        Assert.Equal(25, r.Encounter()!.Age);
        Assert.Equal(r.Week.Monday, r.Encounter()!.Date);
    }

    [Fact]
    public void Parse_Date_IsCoarsenedToItsWeek()
    {
        var r = (Valid with { Week = null, Date = "2026-10-01" }).Parse(Today, Codes, out _);
        Assert.Equal("2026-W40", r!.Week.ToString());
    }

    [Theory]
    [InlineData("jurisdiction", "XX")]
    [InlineData("week", "2027-W01")]
    [InlineData("week", "1999-W10")]
    [InlineData("week", "soon")]
    [InlineData("region", "Oslo sentrum")]
    [InlineData("region", "SE-01")]
    [InlineData("setting", "Storgata 12")]
    [InlineData("authority", "")]
    [InlineData("ageBand", "33")]
    [InlineData("housing", "castle")]
    [InlineData("dependence", "very")]
    public void Parse_BadField_NamesIt(string field, string value)
    {
        var input = field switch
        {
            "jurisdiction" => Valid with { Jurisdiction = value },
            "week" => Valid with { Week = value },
            "region" => Valid with { Region = value },
            "setting" => Valid with { Setting = value },
            "authority" => Valid with { Authority = value },
            "ageBand" => Valid with { AgeBand = value },
            "housing" => Valid with { Housing = value },
            _ => Valid with { Dependence = value },
        };
        Assert.Null(input.Parse(Today, Codes, out var errors));
        Assert.Contains(errors, e => e.Field == field);
    }

    [Fact]
    public void Parse_BadActs_NameEachAct()
    {
        var input = Valid with
        {
            Acts = [new("fine", Amount: "lots"), new("stopped", Amount: "5 EUR"), new("hugged"), new("stopped"), new("warning", Consented: true), new("arrest", Hours: -1)],
        };
        Assert.Null(input.Parse(Today, Codes, out var errors));
        var fields = errors.Select(e => e.Field).ToList();
        Assert.Contains("acts[0].amount", fields);
        Assert.Contains("acts[1].amount", fields);
        Assert.Contains("acts[2].act", fields);
        Assert.Contains("acts[3].act", fields); // stopped twice
        Assert.Contains("acts[4].consented", fields);
        Assert.Contains("acts[5].hours", fields);
    }

    [Fact]
    public void Parse_NoActs_TooMuchText_Refused()
    {
        Assert.Null((Valid with { Acts = [], Text = new string('x', ReportInput.MaxTextLength + 1) }).Parse(Today, Codes, out var errors));
        Assert.Contains(errors, e => e.Field == "acts");
        Assert.Contains(errors, e => e.Field == "text");
    }

    [Fact]
    public void Parse_SubnationalJurisdiction_TakesNoOtherRegion()
    {
        Assert.Null((Valid with { Jurisdiction = "US-OR", Region = "US-WA", Carried = [] }).Parse(Today, Codes, out var errors));
        Assert.Contains(errors, e => e.Field == "region");
        Assert.NotNull((Valid with { Jurisdiction = "NO", Region = "NO-03" }).Parse(Today, Codes, out _));
    }
}
