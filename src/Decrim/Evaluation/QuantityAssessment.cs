using Decrim.Policies;

namespace Decrim.Evaluation;

/// <summary>
/// Measures each substance of an encounter against a version's thresholds, tier by tier. A substance no
/// threshold of a tier covers is "unspecified" for that tier: conditions asking for "within" do not hold, so
/// an uncovered substance never gets the lenient rule by accident.
/// </summary>
internal static class QuantityAssessment
{
    public sealed record Finding(string Tier, QuantityState State, string Explanation, Threshold? Decisive);

    public static IReadOnlyList<Finding> Assess(PolicyVersion version, Encounter encounter, Item item, List<string> warnings)
    {
        var findings = new List<Finding>();
        foreach (var tier in version.Thresholds.Select(t => t.Tier).Distinct())
        {
            var applicable = version.Thresholds
                .Where(t => t.Tier == tier && t.Conducts.Contains(encounter.Conduct) && (t.Substances.Count == 0 || t.Substances.Contains(item.Substance.Id)))
                .ToList();
            if (applicable.Count == 0)
            {
                findings.Add(new(tier, QuantityState.Unspecified, $"no {TierName(tier)}threshold covers {item.Substance.Id}", null));
                continue;
            }
            var state = QuantityState.Within;
            Threshold? decisive = null;
            var notes = new List<string>();
            var perSubstance = applicable.Where(t => t.Shape == ThresholdShape.PerSubstance).ToList();
            var comparable = perSubstance.Where(t => item.Amount is { } a && t.Amount!.Value.IsComparableWith(a)).ToList();
            if (perSubstance.Count > 0 && comparable.Count == 0)
            {
                if (item.Amount is null)
                    throw new EvaluationException($"{item.Substance.Id} has a threshold ({perSubstance[0].Amount}) in this version; give the amount found, e.g. --amount {perSubstance[0].Amount!.Value.ToString().Replace(" ", "", StringComparison.Ordinal)}.");
                throw new EvaluationException($"{item.Amount} of {item.Substance.Id} cannot be compared with the threshold of {perSubstance[0].Amount}; give the amount in {string.Join(" or ", perSubstance.Select(t => t.Amount!.Value.Unit.Symbol).Distinct())}.");
            }
            foreach (var t in applicable)
            {
                bool above;
                string how;
                switch (t.Shape)
                {
                    case ThresholdShape.PerSubstance:
                        if (!comparable.Contains(t)) continue;
                        above = t.IsExceededBy(item.Amount!.Value);
                        how = $"{item.Amount} {Sign(above, t.Inclusive)} {t.Amount} for {item.Substance.Id}";
                        break;
                    case ThresholdShape.Cumulative:
                        var sum = Sum(encounter, t);
                        above = t.IsExceededBy(sum);
                        how = $"{sum} combined {Sign(above, t.Inclusive)} {t.Amount} of {string.Join(", ", t.Substances.Where(s => encounter.Items.Any(i => i.Substance.Id == s)))}";
                        break;
                    case ThresholdShape.MaxSubstances:
                        var count = encounter.Items.Select(i => i.Substance.Id).Distinct().Count(s => t.Substances.Count == 0 || t.Substances.Contains(s));
                        above = count > t.MaxSubstances;
                        how = $"{count} different substances {(above ? ">" : "<=")} {t.MaxSubstances} allowed";
                        break;
                    default:
                        warnings.Add($"{version.Id} sets no quantity for {item.Substance.Id}: whether the amount is for personal use is decided from the circumstances ({t.Citation}).");
                        notes.Add("no quantity set: a judge decides");
                        continue;
                }
                if (!above) { notes.Add(how); continue; }
                switch (t.Meaning)
                {
                    case ThresholdMeaning.Indicative:
                        notes.Add(how + " (indicative only: does not decide)");
                        warnings.Add($"{how}: under {version.Id} this is only an indication that the purpose may not be personal use ({t.Citation}).");
                        break;
                    case ThresholdMeaning.Rebuttable when encounter.Rebutted:
                        notes.Add(how + " (presumption rebutted: personal use shown)");
                        break;
                    default:
                        notes.Add(how + (t.Meaning == ThresholdMeaning.Rebuttable ? " (presumption of supply, rebuttable)" : ""));
                        state = QuantityState.Above;
                        decisive ??= t;
                        break;
                }
            }
            findings.Add(new(tier, state, string.Join("; ", notes), decisive));
        }
        return findings;
    }

    private static Quantity Sum(Encounter encounter, Threshold t)
    {
        var total = new Quantity(0, t.Amount!.Value.Unit);
        foreach (var i in encounter.Items.Where(i => t.Substances.Contains(i.Substance.Id)))
        {
            if (i.Amount is not { } a || !a.IsComparableWith(total))
                throw new EvaluationException($"the combined limit of {t.Amount} needs the amount of {i.Substance.Id} in {t.Amount!.Value.Unit.Symbol}.");
            total = total.Plus(a);
        }
        return total;
    }

    private static string Sign(bool above, bool inclusive) => (above, inclusive) switch
    {
        (true, true) => ">",
        (true, false) => ">=",
        (false, true) => "<=",
        (false, false) => "<",
    };

    private static string TierName(string tier) => tier == Threshold.DefaultTier ? "" : tier + " ";
}
