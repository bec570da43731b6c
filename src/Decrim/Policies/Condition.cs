using System.Globalization;
using System.Text;

namespace Decrim.Policies;

/// <summary>An inclusive range of whole numbers (ages, counts of prior incidents).</summary>
public readonly record struct IntRange(int Min, int Max)
{
    public static readonly IntRange Any = new(0, int.MaxValue);
    public bool Contains(int value) => value >= Min && value <= Max;
    public bool IsEmpty => Min > Max;
    public IntRange Intersect(IntRange other) => new(Math.Max(Min, other.Min), Math.Min(Max, other.Max));
    public bool Within(IntRange other) => IsEmpty || (Min >= other.Min && Max <= other.Max);

    /// <summary>Parses "17", "&lt; 18", "&lt;= 17", "&gt;= 18", "&gt; 0" and "18-20".</summary>
    public static bool TryParse(string text, out IntRange range)
    {
        range = Any;
        var s = text.Replace(" ", "", StringComparison.Ordinal);
        int n;
        bool Num(string t) => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out n);
        if (s.StartsWith("<=", StringComparison.Ordinal) && Num(s[2..])) { range = new(0, n); return true; }
        if (s.StartsWith(">=", StringComparison.Ordinal) && Num(s[2..])) { range = new(n, int.MaxValue); return true; }
        if (s.StartsWith('<') && Num(s[1..]) && n > 0) { range = new(0, n - 1); return true; }
        if (s.StartsWith('>') && Num(s[1..])) { range = new(n + 1, int.MaxValue); return true; }
        var dash = s.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && Num(s[..dash]))
        {
            var lo = n;
            if (Num(s[(dash + 1)..]) && n >= lo) { range = new(lo, n); return true; }
            return false;
        }
        if (Num(s)) { range = new(n, n); return true; }
        return false;
    }

    public override string ToString() => (Min, Max) switch
    {
        (0, int.MaxValue) => "any",
        _ when Min == Max => Min.ToString(CultureInfo.InvariantCulture),
        (_, int.MaxValue) => $">= {Min}",
        (0, _) => $"<= {Max}",
        _ => $"{Min}-{Max}",
    };
}

/// <summary>Whether an amount is within a threshold tier, above it, or not covered by any threshold of the tier.</summary>
public enum QuantityState { Within, Above, Unspecified }

/// <summary>
/// A conjunction of constraints on the encounter, as in a statute's "a person over 18 who possesses a small
/// quantity in a public place". An absent constraint allows anything. Each constraint is a set over a finite
/// domain or an integer range, so the validator can decide whether two conditions can hold together and whether
/// one implies another: that is how it finds exceptions that can never apply.
/// </summary>
public sealed record Condition
{
    public static readonly Condition Always = new();

    public IReadOnlySet<string>? Substances { get; init; }
    public IReadOnlySet<Conduct>? Conducts { get; init; }
    /// <summary>The tier the quantity constraint refers to ("default" unless the policy names tiers).</summary>
    public string Tier { get; init; } = Threshold.DefaultTier;
    public QuantityState? Quantity { get; init; }
    public IntRange Age { get; init; } = IntRange.Any;
    public IntRange Prior { get; init; } = IntRange.Any;
    public bool? Dependent { get; init; }
    public bool? Resident { get; init; }
    public Place Places { get; init; } = Place.All;
    public IReadOnlySet<OutletType>? Outlets { get; init; }
    public PurchaseStatus Purchase { get; init; } = PurchaseStatus.All;

    public bool IsAlways => Describe().Length == 0;

    /// <summary>Both conditions together: the set of encounters satisfying each.</summary>
    public Condition And(Condition other) => new()
    {
        Substances = Meet(Substances, other.Substances),
        Conducts = Meet(Conducts, other.Conducts),
        Tier = Quantity is null ? other.Tier : Tier,
        Quantity = MeetQuantity(this, other),
        Age = Age.Intersect(other.Age),
        Prior = Prior.Intersect(other.Prior),
        Dependent = Dependent ?? other.Dependent,
        Resident = Resident ?? other.Resident,
        Places = Places & other.Places,
        Outlets = Meet(Outlets, other.Outlets),
        Purchase = Purchase & other.Purchase,
    };

    /// <summary>True when some encounter can satisfy both this condition and <paramref name="other"/>.</summary>
    public bool CanHoldWith(Condition other)
    {
        var both = And(other);
        return !(both.Substances is { Count: 0 } || both.Conducts is { Count: 0 } || both.Age.IsEmpty || both.Prior.IsEmpty
            || (Dependent is { } d1 && other.Dependent is { } d2 && d1 != d2)
            || (Resident is { } r1 && other.Resident is { } r2 && r1 != r2)
            || both.Places == Place.None || both.Outlets is { Count: 0 } || both.Purchase == PurchaseStatus.None
            || (Quantity is { } q1 && other.Quantity is { } q2 && Tier == other.Tier && q1 != q2));
    }

    /// <summary>True when every encounter satisfying this condition also satisfies <paramref name="other"/>.</summary>
    public bool Implies(Condition other) =>
        Subset(Substances, other.Substances) && Subset(Conducts, other.Conducts) && Subset(Outlets, other.Outlets)
        && Age.Within(other.Age) && Prior.Within(other.Prior)
        && (other.Dependent is null || Dependent == other.Dependent)
        && (other.Resident is null || Resident == other.Resident)
        && (Places & ~other.Places) == Place.None
        && (Purchase & ~other.Purchase) == PurchaseStatus.None
        && (other.Quantity is null || (Quantity == other.Quantity && Tier == other.Tier));

    public string Describe()
    {
        var parts = new List<string>();
        if (Substances is not null) parts.Add("substance in [" + string.Join(", ", Substances.Order(StringComparer.Ordinal)) + "]");
        if (Conducts is not null) parts.Add("conduct in [" + string.Join(", ", Conducts.Select(Words.Name)) + "]");
        if (Quantity is { } q) parts.Add($"quantity {(q == QuantityState.Within ? "within" : q == QuantityState.Above ? "above" : "unspecified")}" + (Tier == Threshold.DefaultTier ? "" : $" tier {Tier}"));
        if (Age != IntRange.Any) parts.Add($"age {Age}");
        if (Prior != IntRange.Any) parts.Add($"prior incidents {Prior}");
        if (Dependent is { } d) parts.Add(d ? "dependent" : "not dependent");
        if (Resident is { } r) parts.Add(r ? "resident" : "not resident");
        if (Places != Place.All) parts.Add($"place in [{Words.Names(Places)}]");
        if (Outlets is not null) parts.Add("outlet in [" + string.Join(", ", Outlets.Select(Words.Name)) + "]");
        if (Purchase != PurchaseStatus.All) parts.Add($"purchase {Purchase.ToString().ToLowerInvariant()}");
        return string.Join(" and ", parts);
    }

    private static IReadOnlySet<T>? Meet<T>(IReadOnlySet<T>? a, IReadOnlySet<T>? b) =>
        a is null ? b : b is null ? a : a.Where(b.Contains).ToHashSet();

    private static bool Subset<T>(IReadOnlySet<T>? a, IReadOnlySet<T>? b) => b is null || (a is not null && a.IsSubsetOf(b));

    private static QuantityState? MeetQuantity(Condition a, Condition b) => a.Quantity ?? b.Quantity;
}
