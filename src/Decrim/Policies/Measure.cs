namespace Decrim.Policies;

/// <summary>
/// What surrounds the law rather than sits in its rules, as INPUD's recommendations 1c–4 and the Canadian
/// civil-society platform ask for it (seed 003, section 6; seed 002): police training, rules on police
/// interaction, independent monitoring, expungement, redirected resources, community involvement, accessible
/// information, an anti-stigma strategy, harm reduction. The assessment cannot compute these from rules; a
/// policy file states them as cited facts.
/// </summary>
public enum MeasureKind
{
    PoliceTraining,
    PoliceInteractionRules,
    IndependentMonitoring,
    Expungement,
    ResourcesRedirected,
    CommunityInvolvement,
    AccessibleInformation,
    AntiStigmaStrategy,
    HarmReduction,
}

/// <summary>Whether a source says the measure exists: fully, in part, or not at all.</summary>
public enum MeasureStatus { InPlace, Partial, Absent }

/// <summary>
/// One cited fact about a measure over a period: <see cref="From"/> is the first day the source supports it (the
/// day it took effect, or the day it was reported when that is all the source says), <see cref="To"/> the first
/// day it no longer holds (exclusive), or open.
/// </summary>
public sealed record Measure(
    MeasureKind Kind,
    MeasureStatus Status,
    DateOnly From,
    DateOnly? To,
    string Summary,
    Citation Citation,
    string? Note,
    SourcePosition Position)
{
    public bool Covers(DateOnly date) => date >= From && (To is null || date < To);
}
