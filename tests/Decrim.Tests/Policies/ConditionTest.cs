using Decrim.Policies;

namespace Decrim.Tests.Policies;

public class ConditionTest
{
    private static readonly Condition Minor = Condition.Always with { Age = new IntRange(0, 17) };
    private static readonly Condition Adult = Condition.Always with { Age = new IntRange(18, int.MaxValue) };
    private static readonly Condition Dependent = Condition.Always with { Dependent = true };

    [Fact]
    public void CanHoldWith_DisjointAges_IsFalse() => Assert.False(Minor.CanHoldWith(Adult));

    [Fact]
    public void CanHoldWith_IndependentConstraints_IsTrue() => Assert.True(Minor.CanHoldWith(Dependent));

    [Fact]
    public void Implies_NarrowerCondition_ImpliesWider()
    {
        var dependentMinor = Minor.And(Dependent);
        Assert.True(dependentMinor.Implies(Dependent));
        Assert.False(Dependent.Implies(dependentMinor));
    }

    [Fact]
    public void Implies_PlaceSets_UseSubsets()
    {
        var home = Condition.Always with { Places = Place.Residence };
        var private_ = Condition.Always with { Places = Place.Residence | Place.Shelter };
        Assert.True(home.Implies(private_));
        Assert.False(private_.Implies(home));
    }

    [Theory]
    [InlineData("< 18", 0, 17)]
    [InlineData(">= 21", 21, int.MaxValue)]
    [InlineData("15-17", 15, 17)]
    [InlineData("16", 16, 16)]
    [InlineData("> 0", 1, int.MaxValue)]
    public void IntRange_TryParse_ReadsComparisons(string text, int min, int max)
    {
        Assert.True(IntRange.TryParse(text, out var r));
        Assert.Equal(new IntRange(min, max), r);
    }
}
