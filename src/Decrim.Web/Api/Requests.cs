using Decrim.Evaluation;

namespace Decrim.Web.Api;

/// <summary>An encounter to evaluate: the jurisdiction, then the encounter's fields (see <see cref="EncounterInput"/>).</summary>
public sealed record EvaluateRequest : EncounterInput
{
    /// <summary>ISO 3166 code: NO, PT, US-OR, CA-BC …</summary>
    public string? Jurisdiction { get; init; }
}

/// <summary>Many encounters at once; <see cref="Jurisdiction"/> and <see cref="Date"/> apply to those that give none.</summary>
public sealed record BatchRequest
{
    public string? Jurisdiction { get; init; }
    /// <summary>The date for encounters that give none (default today).</summary>
    public string? Date { get; init; }
    /// <summary>"summary" (default: outcome and consequences) or "full" (each pathway as from /evaluate).</summary>
    public string? Detail { get; init; }
    // Null-safe: a JSON body that leaves the field out may set it to null (init-only properties under source generation).
    public IReadOnlyList<EvaluateRequest> Encounters { get => _encounters ?? []; init => _encounters = value; }
    private readonly IReadOnlyList<EvaluateRequest>? _encounters;
}

/// <summary>A simulation to run: a scenario by name, reforms by name, and optionally a smaller population or fewer replications.</summary>
public sealed record SimulationRequest
{
    public string? Scenario { get; init; }
    // Null-safe: a JSON body that leaves the field out may set it to null (init-only properties under source generation).
    public IReadOnlyList<string> Reforms { get => _reforms ?? []; init => _reforms = value; }
    private readonly IReadOnlyList<string>? _reforms;
    public int? Population { get; init; }
    public int? Replications { get; init; }
}

/// <summary>A receipt code, to view or withdraw one's report. In the body, never the URL, so it stays out of logs and browser history.</summary>
public sealed record ReceiptRequest(string? Receipt);

/// <summary>A reviewer's follow-up: the status (new, reviewed, referred-for-legal-support, closed) and an optional note.</summary>
public sealed record StatusRequest(string? Status, string? Note);
