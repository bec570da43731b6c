using Decrim.Policies;

namespace Decrim.Evaluation;

/// <summary>The values a condition reads for one substance of an encounter, once defaults and findings are resolved.</summary>
internal sealed record Facts(
    string Substance,
    Conduct Conduct,
    IReadOnlyDictionary<string, QuantityState> Quantity,
    int Age,
    bool AgeGiven,
    int Prior,
    bool Dependent,
    bool Resident,
    Place Place,
    OutletType? Outlet,
    PurchaseStatus Purchase)
{
    /// <summary>Checks every constraint of <paramref name="c"/> and returns what each read.</summary>
    public IReadOnlyList<Reading> Check(Condition c)
    {
        var reads = new List<Reading>();
        if (c.Substances is { } subs) reads.Add(new("substance", Show(subs), Substance, subs.Contains(Substance)));
        if (c.Conducts is { } cs) reads.Add(new("conduct", string.Join("|", cs.Select(Words.Name)), Words.Name(Conduct), cs.Contains(Conduct)));
        if (c.Quantity is { } q)
        {
            var actual = Quantity.TryGetValue(c.Tier, out var s) ? s : QuantityState.Unspecified;
            reads.Add(new(c.Tier == Threshold.DefaultTier ? "quantity" : $"quantity ({c.Tier})", Name(q), Name(actual), actual == q));
        }
        if (c.Age != IntRange.Any) reads.Add(new("age", c.Age.ToString(), AgeGiven ? Age.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"not given (adult, {Age} assumed)", c.Age.Contains(Age)));
        if (c.Prior != IntRange.Any) reads.Add(new("prior incidents", c.Prior.ToString(), Prior.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Prior.Contains(Prior)));
        if (c.Dependent is { } d) reads.Add(new("dependent", d ? "yes" : "no", Dependent ? "yes" : "no", d == Dependent));
        if (c.Resident is { } r) reads.Add(new("resident", r ? "yes" : "no", Resident ? "yes" : "no", r == Resident));
        if (c.Places != Place.All) reads.Add(new("place", Words.Names(c.Places), Words.Names(Place), (c.Places & Place) != 0));
        if (c.Outlets is { } os) reads.Add(new("outlet", string.Join("|", os.Select(Words.Name)), Outlet is { } o ? Words.Name(o) : "none", Outlet is { } o2 && os.Contains(o2)));
        if (c.Purchase != PurchaseStatus.All) reads.Add(new("purchase", c.Purchase.ToString().ToLowerInvariant(), Purchase.ToString().ToLowerInvariant(), (c.Purchase & Purchase) != 0));
        return reads;
    }

    public bool Satisfies(Condition c) => Check(c).All(r => r.Holds);

    internal static string Name(QuantityState s) => s switch
    {
        QuantityState.Within => "within",
        QuantityState.Above => "above",
        _ => "unspecified",
    };

    private static string Show(IReadOnlySet<string> subs) =>
        subs.Count > 6 ? $"{subs.Count} substances" : string.Join("|", subs.Order(StringComparer.Ordinal));
}
