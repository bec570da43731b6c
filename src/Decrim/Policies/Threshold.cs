namespace Decrim.Policies;

public enum ThresholdShape
{
    /// <summary>An amount per substance: "5 g of heroin".</summary>
    PerSubstance,
    /// <summary>An amount summed over several substances: British Columbia's 2.5 g combined.</summary>
    Cumulative,
    /// <summary>A count of different substances: Norway's "at most three substances at once".</summary>
    MaxSubstances,
    /// <summary>No quantity at all; a judge decides from the circumstances.</summary>
    None,
}

/// <summary>
/// A quantity limit and what crossing it means. Thresholds belong to a tier (most policies have one, "default";
/// Norway's Prop. 92 L had two), apply to the listed conducts, and each cites its source.
/// </summary>
public sealed record Threshold(
    string Tier,
    ThresholdShape Shape,
    IReadOnlySet<string> Substances,
    Quantity? Amount,
    int? MaxSubstances,
    ThresholdMeaning Meaning,
    IReadOnlySet<Conduct> Conducts,
    Citation Citation,
    string? Note,
    SourcePosition Position)
{
    /// <summary>
    /// True (the default) when an amount equal to the threshold is within it ("up to 5 g"); false when the law
    /// draws the line below it ("less than 1 g", or a crime "from 0.1 g"), so the amount itself is above.
    /// </summary>
    public bool Inclusive { get; init; } = true;

    /// <summary>Whether <paramref name="amount"/> exceeds this threshold, honouring <see cref="Inclusive"/>.</summary>
    public bool IsExceededBy(Quantity amount) => Inclusive ? amount.CompareTo(Amount!.Value) > 0 : amount.CompareTo(Amount!.Value) >= 0;

    public const string DefaultTier = "default";

    public string Describe() => Shape switch
    {
        ThresholdShape.PerSubstance => $"{(Inclusive ? "" : "less than ")}{Amount} of {string.Join(", ", Substances.Order(StringComparer.Ordinal))}",
        ThresholdShape.Cumulative => $"{(Inclusive ? "" : "less than ")}{Amount} combined of {string.Join(", ", Substances.Order(StringComparer.Ordinal))}",
        ThresholdShape.MaxSubstances => $"at most {MaxSubstances} different substances",
        _ => $"no quantity set for {string.Join(", ", Substances.Order(StringComparer.Ordinal))}; a judge decides",
    } + $" ({Words.Name(Meaning)}{(Tier == DefaultTier ? "" : ", tier " + Tier)})";
}
