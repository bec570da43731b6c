using Decrim.Policies;

namespace Decrim.Evaluation;

/// <summary>
/// The answer: what happens, step by step, and why. Each consequence names the rule that produced it and the
/// source behind it; the trace lists every rule looked at, the values it read and whether it applied.
/// </summary>
public sealed record Pathway
{
    public required Policy Policy { get; init; }
    public required PolicyVersion Version { get; init; }
    public required Encounter Encounter { get; init; }
    /// <summary>True when any consequence is under criminal law.</summary>
    public required bool Criminal { get; init; }
    /// <summary>The gravest character of the conduct among the rules that decided (criminal over administrative over none over lawful).</summary>
    public required Offence Offence { get; init; }
    public required IReadOnlyList<Consequence> Consequences { get; init; }
    public required IReadOnlyList<PoliceNote> Police { get; init; }
    public required IReadOnlyList<TraceStep> Trace { get; init; }
    public required IReadOnlyList<string> Warnings { get; init; }
    /// <summary>The rules whose consequences apply, one per substance found.</summary>
    public required IReadOnlyList<Decision> Decisions { get; init; }

    /// <summary>How a warning about an unverified rule or response begins.</summary>
    internal const string UnverifiedWarning = "relies on an unverified fact";

    /// <summary>True when a deciding rule or a consequence is marked unverified in the policy file.</summary>
    public bool ReliesOnUnverified => Warnings.Any(w => w.StartsWith(UnverifiedWarning, StringComparison.Ordinal));
}

/// <summary>Which rule decided for which substance, and the quantity findings it saw.</summary>
public sealed record Decision(string Substance, RuleNode Rule, RuleNode Base, IReadOnlyList<string> Findings);

/// <summary>One consequence in order, with the rule that imposes it and, for fines, what happens on non-payment and when.</summary>
public sealed record Consequence(Response Response, RuleNode Rule, IReadOnlyList<string> Substances, IReadOnlyList<EscalationEvent> Escalation)
{
    public Citation Basis => Response.Citation;
}

/// <summary>A dated step of a fine's escalation: the date, how it was computed, and what happens then.</summary>
public sealed record EscalationEvent(DateOnly Date, string HowComputed, Money? AmountDue, IReadOnlyList<Response> Then, Citation Citation, string? Note);

/// <summary>An enforcement instruction that applies to this encounter (what police may or may not do).</summary>
public sealed record PoliceNote(PoliceInstruction Instruction);

/// <summary>One rule or check looked at during evaluation.</summary>
public sealed record TraceStep(string Rule, string Outcome, IReadOnlyList<Reading> Reads, string Explanation);

/// <summary>A value a rule read, what it required, and whether that held.</summary>
public sealed record Reading(string Variable, string Required, string Actual, bool Holds);
