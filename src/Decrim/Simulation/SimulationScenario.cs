using Decrim.Policies;
using Decrim.Substances;

namespace Decrim.Simulation;

/// <summary>How often the simulator reports: one row per year, quarter or month of the horizon.</summary>
public enum ReportStep { Year, Quarter, Month }

/// <summary>
/// A population and the way it meets the law, over a horizon: who uses what, how often police meet them, how they
/// respond to what the law imposes, and what it costs. Read by <see cref="SimulationScenarioReader"/>, which
/// checks that every parameter either cites one of <see cref="Sources"/> or says it is an assumption; those
/// provenances are kept in <see cref="Parameters"/> so every report can print them.
/// </summary>
public sealed record SimulationScenario
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    /// <summary>The jurisdiction whose policy is the baseline (a catalogue code).</summary>
    public required string Policy { get; init; }
    /// <summary>The first simulated day; the horizon is <see cref="Years"/> whole years from it.</summary>
    public required DateOnly Start { get; init; }
    public required int Years { get; init; }
    public ReportStep Step { get; init; } = ReportStep.Year;
    public required int Replications { get; init; }
    public required ulong Seed { get; init; }
    /// <summary>The currency of incomes, default fines and costs; fines in other currencies are converted by <see cref="ExchangeRates"/>.</summary>
    public required string Currency { get; init; }
    /// <summary>Units of <see cref="Currency"/> per unit of each other currency.</summary>
    public IReadOnlyDictionary<string, decimal> ExchangeRates { get; init; } = new Dictionary<string, decimal>();
    public required Population Population { get; init; }
    public required Enforcement Enforcement { get; init; }
    public required Behaviour Behaviour { get; init; }
    public Defaults Defaults { get; init; } = new(null, null, null, null);
    public Costs Costs { get; init; } = new(null, 0, null, null, null, null, null);
    public IReadOnlyList<CalibrationTarget> Calibration { get; init; } = [];
    public IReadOnlyDictionary<string, Source> Sources { get; init; } = new Dictionary<string, Source>();
    /// <summary>Every parameter read, in file order, with its value as written and where it comes from.</summary>
    public IReadOnlyList<ParameterNote> Parameters { get; init; } = [];
    public required string File { get; init; }

    /// <summary>The first day after the horizon.</summary>
    public DateOnly End => Start.AddYears(Years);
}

/// <summary>Where a parameter comes from: a source (and pinpoint) from the scenario's list, or an assumption stated in words.</summary>
public sealed record Provenance(string? Source, string? Pinpoint, string? Assumption)
{
    public bool IsAssumption => Assumption is not null;
    public override string ToString() => IsAssumption ? "assumption: " + Assumption : Pinpoint is null ? Source! : $"{Source}, {Pinpoint}";
}

/// <summary>One parameter as the report prints it: its path in the file (<c>behaviour.pay</c>), its value as written, and its provenance.</summary>
public sealed record ParameterNote(string Name, string Value, Provenance Provenance);

/// <summary>
/// The people simulated. Each person is drawn independently: a main substance by <see cref="Substances"/>
/// shares; dependent with that substance's probability; an age band by <see cref="Ages"/> shares and an age
/// uniformly within it; visible in public space (or without housing) with probability
/// <see cref="VisibleIfDependent"/> or <see cref="VisibleOtherwise"/>; a monthly income from <see cref="Income"/>.
/// The population is closed: nobody enters or leaves over the horizon, and everyone ages.
/// </summary>
public sealed record Population(
    int Size,
    IReadOnlyList<SubstanceShare> Substances,
    IReadOnlyList<AgeBand> Ages,
    double VisibleIfDependent,
    double VisibleOtherwise,
    IncomeDistribution Income);

/// <summary>A main substance: its share of the population, the share of its users who are dependent, and how much a person carries.</summary>
public sealed record SubstanceShare(Substance Substance, double Share, double Dependent, AmountDistribution Amount);

/// <summary>Ages <see cref="Min"/> to <see cref="Max"/> inclusive, at the start of the horizon.</summary>
public sealed record AgeBand(int Min, int Max, double Share)
{
    public string Label => $"{Min}-{Max}";
}

/// <summary>A log-normal amount: half of encounters find less than <see cref="Median"/>; <see cref="Spread"/> is the standard deviation of its logarithm.</summary>
public sealed record AmountDistribution(Quantity Median, double Spread);

/// <summary>
/// Monthly income, log-normal with median <see cref="Median"/> (in the scenario's currency) and log standard
/// deviation <see cref="Spread"/>, multiplied by <see cref="DependentFactor"/> for dependent people and
/// <see cref="VisibleFactor"/> for people visible in public space.
/// </summary>
public sealed record IncomeDistribution(decimal Median, double Spread, double DependentFactor, double VisibleFactor);

/// <summary>
/// Police encounters: potential contacts per person-year are <see cref="BaseRate"/> times each multiplier that
/// applies (dependent, visible, under 18). At a contact police search with probability <see cref="Search"/>; drugs
/// are found by the search, or without one with probability <see cref="FoundWithoutSearch"/>. Police know the
/// person's dependence (either way) with probability <see cref="DependenceKnown"/>; otherwise it is unknown and
/// the policy's benefit of the doubt, if any, decides. <see cref="Compliance"/> is the probability that police
/// follow an instruction that applies, keyed by the instruction's kind (do-not-stop, deprioritise, do-not-search)
/// or by its id in the policy (which wins): do-not-stop and deprioritise drop the contact, do-not-search the
/// search. Instructions not listed are not followed. <see cref="Trend"/> multiplies every rate from a date on
/// (police practice that changes without the law: Norway's reports halved after the 2021 guidelines).
/// </summary>
public sealed record Enforcement(
    double BaseRate,
    double DependentMultiplier,
    double VisibleMultiplier,
    double YoungMultiplier,
    double Search,
    double FoundWithoutSearch,
    double DependenceKnown,
    IReadOnlyDictionary<string, double> Compliance)
{
    /// <summary>From each date (in order), the rates are multiplied by the factor; 1 before the first.</summary>
    public IReadOnlyList<(DateOnly From, double Multiplier)> Trend { get; init; } = [];

    public double TrendOn(DateOnly date)
    {
        var m = 1.0;
        foreach (var (from, multiplier) in Trend) if (date >= from) m = multiplier;
        return m;
    }
}

/// <summary>
/// How people respond: <see cref="Pay"/> gives the probability of paying a fine by its deadline (and again at
/// each escalation) from the fine's size against monthly income; <see cref="Attend"/> of attending a mandatory
/// appearance; <see cref="CompleteTreatment"/> of completing compulsory treatment; <see cref="TakeReferral"/> of
/// taking up a voluntary referral (calling the hotline), which waives a fine of the same decision when
/// <see cref="ReferralWaivesFine"/>. How the authorities use discretion: a discretionary response is imposed
/// with probability <see cref="Discretion"/> (or the kind's own in <see cref="DiscretionByKind"/>); a criminal
/// charge ends in conviction with probability <see cref="Convicted"/>.
/// </summary>
public sealed record Behaviour(
    PaymentCurve Pay,
    double Attend,
    double CompleteTreatment,
    double TakeReferral,
    bool ReferralWaivesFine,
    double Discretion,
    IReadOnlyDictionary<ResponseKind, double> DiscretionByKind,
    double Convicted)
{
    public double DiscretionFor(ResponseKind kind) => DiscretionByKind.TryGetValue(kind, out var p) ? p : Discretion;
}

/// <summary>
/// P(pay) = <see cref="Max"/> / (1 + (fine ÷ monthly income ÷ <see cref="HalfAt"/>)^<see cref="Steepness"/>): near
/// <see cref="Max"/> for a fine that is small against income, half of it when the fine is <see cref="HalfAt"/>
/// months of income, falling faster the steeper the curve.
/// </summary>
public sealed record PaymentCurve(double Max, double HalfAt, double Steepness)
{
    public double Probability(double fine, double income) =>
        income <= 0 ? 0 : Max / (1 + Math.Pow(fine / income / HalfAt, Steepness));
}

/// <summary>What the simulator assumes where a policy states no amount or duration (each optional; a response that needs a missing one is an error).</summary>
public sealed record Defaults(Money? Fine, Period? Imprisonment, Period? Detention, Period? Treatment);

/// <summary>Unit costs in the scenario's currency, each optional; a cost not given is not counted (and the report says so).</summary>
public sealed record Costs(decimal? PoliceHour, double HoursPerEncounter, decimal? CourtCase, decimal? PrisonDay, decimal? DetentionDay, decimal? TreatmentEpisode, decimal? Appearance);

/// <summary>
/// A published figure the scenario should reproduce: the ratio of one output summed over a window to another,
/// within <see cref="Tolerance"/> (absolute) of <see cref="Value"/>, on the mean across replications.
/// </summary>
public sealed record CalibrationTarget(string Figure, double Value, double Tolerance, MetricWindow Of, MetricWindow To, Provenance Provenance);

/// <summary>An output summed over the days <see cref="From"/> (inclusive) to <see cref="To"/> (exclusive) of the horizon; open ends take the horizon's.</summary>
public sealed record MetricWindow(Metric Metric, DateOnly? From, DateOnly? To);
