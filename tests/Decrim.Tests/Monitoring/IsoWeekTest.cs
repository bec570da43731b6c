using Decrim.Monitoring;

namespace Decrim.Tests.Monitoring;

public sealed class IsoWeekTest
{
    [Theory]
    [InlineData("2026-11-21", "2026-W47", "2026-Q4")]
    [InlineData("2021-01-01", "2020-W53", "2020-Q4")] // a Friday: its week belongs to 2020
    [InlineData("2024-12-30", "2025-W01", "2025-Q1")] // a Monday: the week's Thursday is in 2025
    [InlineData("2026-03-31", "2026-W14", "2026-Q2")] // Tuesday of a week whose Thursday is 2 April
    public void Of_Date_GivesWeekAndQuarterOfItsThursday(string date, string week, string quarter)
    {
        var w = IsoWeek.Of(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(week, w.ToString());
        Assert.Equal(quarter, w.Quarter.ToString());
        Assert.Equal(DayOfWeek.Monday, w.Monday.DayOfWeek);
    }

    [Theory]
    [InlineData("2026-W47", true)]
    [InlineData("2026w47", true)]
    [InlineData("2020-W53", true)]
    [InlineData("2021-W53", false)]
    [InlineData("2026-W00", false)]
    [InlineData("2026-47", false)]
    [InlineData("", false)]
    [InlineData("W47-2026", false)]
    public void TryParse_AcceptsOnlyRealWeeks(string text, bool ok) => Assert.Equal(ok, IsoWeek.TryParse(text, out _));

    [Fact]
    public void Quarter_ParseAndBounds()
    {
        Assert.True(Quarter.TryParse("2026-Q3", out var q));
        Assert.Equal(new DateOnly(2026, 7, 1), q.First);
        Assert.Equal(new DateOnly(2026, 9, 30), q.Last);
        Assert.False(Quarter.TryParse("2026-Q5", out _));
        Assert.True(new Quarter(2026, 1) < new Quarter(2026, 2));
    }
}
