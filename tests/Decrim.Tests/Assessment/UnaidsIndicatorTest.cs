using System.Text.Json;
using Decrim.Assessment;

namespace Decrim.Tests.Assessment;

public class UnaidsIndicatorTest
{
    private static readonly DateOnly Date = new(2024, 6, 1);

    [Fact]
    public void Measure_CountsCountriesOnlyAndListsSubnationalEntriesSeparately()
    {
        var u = UnaidsIndicator.Measure(Repo.Catalogue.All(), Date);
        Assert.All(u.Countries, e => Assert.DoesNotContain('-', e.Policy.Code));
        Assert.All(u.Subnational, e => Assert.Contains('-', e.Policy.Code));
        Assert.Equal(Repo.Catalogue.Codes().Count, u.Countries.Count + u.Subnational.Count + u.NotInForce.Count);
        Assert.Equal((decimal)u.Countries.Count(e => e.Criminalises) / u.Countries.Count, u.Share);
        Assert.False(u.MeetsTarget);
    }

    [Theory]
    [InlineData("US", true)]
    [InlineData("NO", true)]
    [InlineData("PT", false)]
    [InlineData("CR", false)]
    [InlineData("CZ", false)]
    [InlineData("US-OR", false)] // Measure 110 until HB 4002 took effect on 1 September 2024
    [InlineData("AU-ACT", false)]
    public void Measure_ReadsEachEntryFromItsRules(string code, bool criminalises)
    {
        var u = UnaidsIndicator.Measure(Repo.Catalogue.All(), Date);
        var e = u.Countries.Concat(u.Subnational).Single(x => x.Policy.Code == code);
        Assert.Equal(criminalises, e.Criminalises);
        Assert.Equal(criminalises, e.Rules.Count > 0);
    }

    [Fact]
    public void Measure_CrimeWithPunishmentWaived_StillCriminalises()
    {
        var u = UnaidsIndicator.Measure(Repo.Catalogue.All(), Date);
        var nl = u.Countries.Single(e => e.Policy.Code == "NL");
        Assert.True(nl.Criminalises);
        Assert.Contains("heroin", nl.WaivedFor);
    }

    [Fact]
    public void Measure_TargetMetWhenFewerThanTenPercentCriminalise()
    {
        var free = Fixture.Policy();
        var crime = Fixture.Policy("[criminal-charge]", "criminal");
        Assert.True(UnaidsIndicator.Measure(Enumerable.Repeat(free, 10), Date).MeetsTarget);
        var one = UnaidsIndicator.Measure(Enumerable.Repeat(free, 9).Append(crime), Date);
        Assert.Equal(0.1m, one.Share);
        Assert.False(one.MeetsTarget);
    }

    [Fact]
    public void Reports_AllFormatsCarryTheShareAndTheList()
    {
        var u = UnaidsIndicator.Measure(Repo.Catalogue.All(), Date);
        var text = UnaidsIndicatorReport.Text(u);
        Assert.Contains($"{u.Criminalising} of {u.Countries.Count} countries", text);
        Assert.Contains("Subnational entries, counted separately", text);
        var json = JsonDocument.Parse(UnaidsIndicatorReport.Json(u)).RootElement;
        Assert.Equal(u.Countries.Count, json.GetProperty("countryEntries").GetArrayLength());
        Assert.Equal(u.Subnational.Count, json.GetProperty("subnationalEntries").GetArrayLength());
        Assert.Equal(0.1m, json.GetProperty("target").GetProperty("share").GetDecimal());
        var md = UnaidsIndicatorReport.Markdown(u);
        AssessmentReportTest.AssertTablesWellFormed(md);
        Assert.Contains("| subnational (counted separately) |", md);
        var rows = AssessmentReportTest.ParseCsv(UnaidsIndicatorReport.Csv(u));
        Assert.Equal(u.Countries.Count + u.Subnational.Count + 1, rows.Count);
        Assert.All(rows, r => Assert.Equal(10, r.Count));
    }
}
