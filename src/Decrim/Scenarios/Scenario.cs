using Decrim.Evaluation;

namespace Decrim.Scenarios;

/// <summary>
/// A test case written as data, as in OpenFisca: an encounter and the pathway expected for it. Every expectation
/// is optional; those given must all hold.
/// </summary>
public sealed record Scenario(string Jurisdiction, string Name, Encounter Encounter, Expectation Expect, SourcePosition Position);

/// <summary>What a scenario expects of the pathway. Null means "not checked".</summary>
public sealed record Expectation
{
    public string? Version { get; init; }
    public bool? Criminal { get; init; }
    public string? Offence { get; init; }
    /// <summary>The consequence kinds, exactly and in order.</summary>
    public IReadOnlyList<string>? Kinds { get; init; }
    /// <summary>Kinds that must not appear.</summary>
    public IReadOnlyList<string>? Absent { get; init; }
    /// <summary>The rule that decides (for the first substance).</summary>
    public string? Rule { get; init; }
    /// <summary>The fine's amount (its maximum when a range).</summary>
    public Money? Fine { get; init; }
    /// <summary>Dates of the escalation steps of the first fine, in order.</summary>
    public IReadOnlyList<DateOnly>? Escalation { get; init; }
    /// <summary>Police instructions that must apply.</summary>
    public IReadOnlyList<string>? Police { get; init; }
    /// <summary>The evaluation must fail with a message containing this text.</summary>
    public string? Error { get; init; }
}

/// <summary>A classification expected at a date: the headline model, e.g. seed 003's Table 1.</summary>
public sealed record ExpectedClassification(string Jurisdiction, DateOnly Date, string Model, string? Source, SourcePosition Position);

public sealed record ScenarioFile(string Jurisdiction, IReadOnlyList<Scenario> Scenarios, IReadOnlyList<ExpectedClassification> Classifications);
