namespace Decrim.Tests;

public class PeriodTest
{
    [Theory]
    [InlineData("2024-01-31", MonthRounding.EndOfMonth, "2024-02-29")]
    [InlineData("2023-01-31", MonthRounding.EndOfMonth, "2023-02-28")]
    [InlineData("2024-01-31", MonthRounding.NextMonthStart, "2024-03-01")]
    [InlineData("2024-01-15", MonthRounding.Undeclared, "2024-02-15")]
    public void AddTo_OneMonth_ResolvesMissingDaysAsDeclared(string start, MonthRounding rounding, string expected)
    {
        var (date, how) = new Period(1, PeriodUnit.Month).AddTo(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), rounding);
        Assert.Equal(expected, date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(expected, how);
    }

    [Fact]
    public void AddTo_MissingDayWithoutRounding_Refuses()
    {
        Assert.Throws<InvalidOperationException>(() => new Period(1, PeriodUnit.Month).AddTo(new DateOnly(2024, 1, 31), MonthRounding.Undeclared));
    }

    [Fact]
    public void AddTo_Explanation_SaysWhyTheDateMoved()
    {
        var (_, how) = new Period(1, PeriodUnit.Month).AddTo(new DateOnly(2024, 1, 31), MonthRounding.EndOfMonth);
        Assert.Contains("has no day 31", how);
    }

    [Theory]
    [InlineData("30 days", 30)]
    [InlineData("30d", 30)]
    [InlineData("2 weeks", 14)]
    public void TryParse_DaysAndWeeks_Parse(string text, int days)
    {
        Assert.True(Period.TryParse(text, out var p, out _));
        Assert.Equal(days, (int)p.ApproximateDays);
    }
}
