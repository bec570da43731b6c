namespace Decrim.Policies;

/// <summary>
/// The law of one jurisdiction over one period. <see cref="From"/> is the first day it applies and <see cref="To"/>
/// the first day it no longer does (exclusive), so consecutive versions share a boundary date. <see cref="Verified"/>
/// is the day someone last checked it against its sources.
/// </summary>
public sealed class PolicyVersion
{
    public required string Id { get; init; }
    public required DateOnly From { get; init; }
    public DateOnly? To { get; init; }
    public DateOnly? Decided { get; init; }
    public DateOnly? Published { get; init; }
    public required Basis Basis { get; init; }
    public required DateOnly Verified { get; init; }
    public required string Summary { get; init; }
    public required Citation Citation { get; init; }
    public IReadOnlyList<Threshold> Thresholds { get; init; } = [];
    public IReadOnlyList<RuleNode> Rules { get; init; } = [];
    public IReadOnlyList<PoliceInstruction> Police { get; init; } = [];
    public IReadOnlyList<Outlet> Supply { get; init; } = [];
    public required SourcePosition Position { get; init; }

    public bool Covers(DateOnly date) => date >= From && (To is null || date < To);
}
