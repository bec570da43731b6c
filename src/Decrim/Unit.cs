namespace Decrim;

/// <summary>What a unit measures. Amounts convert within a dimension (g ↔ mg) and never across.</summary>
public enum Dimension { Mass, Volume, Count }

/// <summary>
/// A unit of amount. Mass and volume units convert to each other's base (milligram, millilitre); count units
/// (doses, tablets, blotters, plants, pieces) are each their own dimension member and do not convert into one
/// another: three blotters are not three tablets.
/// </summary>
public sealed class Unit : IEquatable<Unit>
{
    public static readonly Unit Milligram = new("mg", Dimension.Mass, 1m, "mg", "milligram", "milligrams");
    public static readonly Unit Gram = new("g", Dimension.Mass, 1_000m, "g", "gram", "grams");
    public static readonly Unit Kilogram = new("kg", Dimension.Mass, 1_000_000m, "kg", "kilogram", "kilograms");
    public static readonly Unit Ounce = new("oz", Dimension.Mass, 28_349.523125m, "oz", "ounce", "ounces");
    public static readonly Unit Millilitre = new("ml", Dimension.Volume, 1m, "ml", "millilitre", "millilitres");
    public static readonly Unit Decilitre = new("dl", Dimension.Volume, 100m, "dl", "decilitre", "decilitres");
    public static readonly Unit Litre = new("l", Dimension.Volume, 1_000m, "l", "litre", "litres");
    public static readonly Unit Dose = new("doses", Dimension.Count, 1m, "dose", "doses");
    public static readonly Unit Tablet = new("tablets", Dimension.Count, 1m, "tablet", "tablets", "pill", "pills");
    public static readonly Unit Blotter = new("blotters", Dimension.Count, 1m, "blotter", "blotters");
    public static readonly Unit Plant = new("plants", Dimension.Count, 1m, "plant", "plants");
    public static readonly Unit Piece = new("pieces", Dimension.Count, 1m, "piece", "pieces");

    public static IReadOnlyList<Unit> All { get; } =
        [Milligram, Gram, Kilogram, Ounce, Millilitre, Decilitre, Litre, Dose, Tablet, Blotter, Plant, Piece];

    private readonly string[] _names;

    private Unit(string symbol, Dimension dimension, decimal toBase, params string[] names)
    {
        Symbol = symbol;
        Dimension = dimension;
        ToBase = toBase;
        _names = names;
    }

    /// <summary>The canonical spelling used when printing (g, mg, ml, doses, plants …).</summary>
    public string Symbol { get; }

    public Dimension Dimension { get; }

    /// <summary>How many base units (mg for mass, ml for volume, 1 for counts) one of this unit is.</summary>
    internal decimal ToBase { get; }

    /// <summary>True when amounts in the two units can be compared: same mass or volume dimension, or the same count unit.</summary>
    public bool IsComparableWith(Unit other) =>
        Dimension == other.Dimension && (Dimension != Dimension.Count || ReferenceEquals(this, other));

    public static bool TryParse(string text, out Unit unit)
    {
        foreach (var candidate in All)
        {
            if (candidate._names.Contains(text, StringComparer.OrdinalIgnoreCase))
            {
                unit = candidate;
                return true;
            }
        }
        unit = Gram;
        return false;
    }

    public static string KnownSpellings => "g, mg, kg, oz, ml, dl, l, doses, tablets, blotters, plants, pieces";

    public bool Equals(Unit? other) => ReferenceEquals(this, other);
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);
    public override int GetHashCode() => Symbol.GetHashCode(StringComparison.Ordinal);
    public override string ToString() => Symbol;
}
