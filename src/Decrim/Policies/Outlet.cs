namespace Decrim.Policies;

/// <summary>A quantity a person may obtain per period at an outlet (40 g per month at a Uruguayan pharmacy).</summary>
public sealed record PurchaseLimit(Quantity Amount, Period Per, Citation Citation);

/// <summary>A regulated supply channel: who may buy what, where, and how much.</summary>
public sealed record Outlet(
    string Id,
    OutletType Type,
    IReadOnlySet<string> Substances,
    int? MinAge,
    bool Residency,
    bool Registration,
    IReadOnlyList<PurchaseLimit> Limits,
    Basis Basis,
    Citation Citation,
    string? Note,
    SourcePosition Position);
