namespace Decrim.Policies;

/// <summary>A range such as a fine of 2–5 million VND or detention of 6–24 months; either end may be open.</summary>
public readonly record struct Range<T>(T? Min, T? Max) where T : struct
{
    public bool IsEmpty => Min is null && Max is null;
    public override string ToString() => (Min, Max) switch
    {
        (null, null) => "",
        ({ } a, null) => $"at least {a}",
        (null, { } b) => $"up to {b}",
        ({ } a, { } b) when EqualityComparer<T>.Default.Equals(a, b) => $"{a}",
        ({ } a, { } b) => $"{a} to {b}",
    };
}

/// <summary>One step of a fine's escalation on non-payment, counted from the issue date or from the due date.</summary>
public sealed record EscalationStep(Period After, bool FromDue, decimal? Multiply, IReadOnlyList<Response> Then, Citation Citation, string? Note);

/// <summary>What follows non-payment: steps in date order, and how months are counted (see <see cref="MonthRounding"/>).</summary>
public sealed record Escalation(MonthRounding Rounding, IReadOnlyList<EscalationStep> Steps);

/// <summary>
/// One response from the fixed vocabulary with its details. Which details apply depends on the kind: a fine has
/// an amount, a payment period and an escalation; detention a duration; a mandatory appearance a body and what it
/// may impose in the person's absence.
/// </summary>
public sealed record Response
{
    public required ResponseKind Kind { get; init; }
    /// <summary>True when the response is under criminal law (always for a charge, record or imprisonment).</summary>
    public required bool Criminal { get; init; }
    /// <summary>True when the authority may, rather than must, impose it.</summary>
    public bool Discretionary { get; init; }
    public Range<Money> Amount { get; init; }
    public Range<Period> Duration { get; init; }
    public Period? PayWithin { get; init; }
    /// <summary>For a fine: paying it ends the matter with no conviction (an expiation notice, a ticket).</summary>
    public bool Expiable { get; init; }
    public Escalation? Escalation { get; init; }
    /// <summary>What a body may impose when the person does not appear (Portugal's commissions).</summary>
    public IReadOnlyList<Response> InAbsence { get; init; } = [];
    /// <summary>Offence name for a criminal charge, body for an appearance or referral, licence for a revocation, what is tested or recorded.</summary>
    public string? What { get; init; }
    /// <summary>Who decides or acts (police, prosecutor, court, commission).</summary>
    public string? By { get; init; }
    public Citation Citation { get; init; }
    public string? Note { get; init; }

    public Harm Harm => Kind.HarmOf();
}
