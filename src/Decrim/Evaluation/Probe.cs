using Decrim.Policies;
using Decrim.Substances;

namespace Decrim.Evaluation;

/// <summary>The amounts the classifier, the assessment and the comparison put to a policy when they ask about "a small amount".</summary>
internal static class Probe
{
    /// <summary>
    /// "A small amount": the vocabulary's one-day probe, lowered to the smallest threshold when a policy sets one
    /// below it — to the threshold itself when the law says "up to", to half of it when the law says "less than"
    /// (the amount must be strictly inside).
    /// </summary>
    public static Quantity SmallAmount(PolicyVersion version, Substance substance)
    {
        var amount = substance.Probe;
        foreach (var t in version.Thresholds.Where(t => t.Conducts.Contains(Conduct.Possession) && t.Substances.Contains(substance.Id)
                     && t.Shape is ThresholdShape.PerSubstance or ThresholdShape.Cumulative))
        {
            var limit = t.Amount!.Value;
            var inside = t.Inclusive ? limit : new Quantity(limit.Value / 2, limit.Unit);
            if (limit.IsComparableWith(amount) && t.IsExceededBy(amount)) amount = inside;
            else if (!limit.IsComparableWith(amount) && substance.Accepts(limit.Unit) && t.Tier == Threshold.DefaultTier) amount = inside;
        }
        return amount;
    }

    /// <summary>Possession in public, first contact: the encounter every probe asks about, for one substance and amount.</summary>
    public static Encounter Possession(DateOnly date, Substance substance, Quantity amount, int age = Encounter.AssumedAdultAge, Dependence dependence = Dependence.NotDependent) => new()
    {
        Date = date, Conduct = Conduct.Possession, Age = age, Dependence = dependence, Place = Place.Public, Items = [new Item(substance, amount)],
    };

    /// <summary>The pathway, or null when the policy has no rule for the encounter (the probe then has no answer).</summary>
    public static Pathway? TryEvaluate(Policy policy, Encounter encounter)
    {
        try { return Engine.Evaluate(policy, encounter); }
        catch (EvaluationException) { return null; }
    }

    /// <summary>
    /// The thresholds that limit possession of <paramref name="substance"/> by amount and decide something
    /// (conclusive or rebuttable), each with an amount just past it: ten per cent more, or one more of a counted unit.
    /// </summary>
    public static IEnumerable<(Threshold Threshold, Quantity Above)> Limits(PolicyVersion version, Substance substance) =>
        version.Thresholds
            .Where(t => t.Conducts.Contains(Conduct.Possession) && t.Substances.Contains(substance.Id)
                && t.Shape is ThresholdShape.PerSubstance or ThresholdShape.Cumulative
                && t.Meaning is ThresholdMeaning.Conclusive or ThresholdMeaning.Rebuttable && substance.Accepts(t.Amount!.Value.Unit))
            .Select(t => (t, Past(t.Amount!.Value)));

    private static Quantity Past(Quantity limit) =>
        new(limit.Unit.Dimension == Dimension.Count ? Math.Floor(limit.Value) + 1 : Math.Round(limit.Value * 1.1m, 6), limit.Unit);
}
