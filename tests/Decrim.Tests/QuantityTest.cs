namespace Decrim.Tests;

public class QuantityTest
{
    [Theory]
    [InlineData("4g", "4 g")]
    [InlineData("0.5 dl", "0.5 dl")]
    [InlineData("3 blotters", "3 blotters")]
    [InlineData("1 pill", "1 tablets")]
    [InlineData("2 oz", "2 oz")]
    public void TryParse_ValidText_ParsesValueAndUnit(string text, string expected)
    {
        Assert.True(Quantity.TryParse(text, out var q, out _));
        Assert.Equal(expected, q.ToString());
    }

    [Theory]
    [InlineData("4", "has no unit")]
    [InlineData("4 parsecs", "unknown unit")]
    [InlineData("g", "expected an amount")]
    [InlineData("-1 g", "expected an amount")]
    public void TryParse_BadText_SaysWhatIsWrong(string text, string message)
    {
        Assert.False(Quantity.TryParse(text, out _, out var error));
        Assert.Contains(message, error);
    }

    [Fact]
    public void CompareTo_MassUnits_ConvertToACommonBase()
    {
        Assert.True(new Quantity(500, Unit.Milligram).CompareTo(new Quantity(1, Unit.Gram)) < 0);
        Assert.Equal(0, new Quantity(1, Unit.Decilitre).CompareTo(new Quantity(100, Unit.Millilitre)));
    }

    [Fact]
    public void CompareTo_DifferentCountUnits_AreNotComparable()
    {
        var blotters = new Quantity(3, Unit.Blotter);
        Assert.False(blotters.IsComparableWith(new Quantity(3, Unit.Tablet)));
        Assert.Throws<InvalidOperationException>(() => blotters.CompareTo(new Quantity(3, Unit.Tablet)));
    }

    [Fact]
    public void Plus_ComparableUnits_AddsInTheFirstUnit()
    {
        Assert.Equal("1.5 g", new Quantity(1, Unit.Gram).Plus(new Quantity(500, Unit.Milligram)).ToString());
    }
}
