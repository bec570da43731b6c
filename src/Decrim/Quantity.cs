using System.Globalization;

namespace Decrim;

/// <summary>
/// An amount of a substance with its unit, such as <c>4 g</c>, <c>0.5 dl</c> or <c>3 blotters</c>. The value is
/// never negative. Two quantities compare only when their units are comparable (see <see cref="Unit.IsComparableWith"/>);
/// the default value is zero grams.
/// </summary>
public readonly record struct Quantity
{
    public Quantity(decimal value, Unit unit)
    {
        if (value < 0) throw new ArgumentOutOfRangeException(nameof(value), "An amount cannot be negative.");
        Value = value;
        Unit = unit ?? throw new ArgumentNullException(nameof(unit));
    }

    public decimal Value { get; }

    public Unit Unit { get => field ?? Unit.Gram; }

    internal decimal InBase => Value * Unit.ToBase;

    public bool IsComparableWith(Quantity other) => Unit.IsComparableWith(other.Unit);

    /// <summary>Compares two quantities of comparable units; throws if the units are not comparable.</summary>
    public int CompareTo(Quantity other)
    {
        if (!IsComparableWith(other))
            throw new InvalidOperationException($"{this} cannot be compared with {other}.");
        return InBase.CompareTo(other.InBase);
    }

    public Quantity Plus(Quantity other)
    {
        if (!IsComparableWith(other))
            throw new InvalidOperationException($"{this} cannot be added to {other}.");
        return new Quantity(Value + other.InBase / Unit.ToBase, Unit);
    }

    /// <summary>Parses "4g", "4 g", "0.5 dl", "3 blotters". The number uses a dot as decimal separator.</summary>
    public static bool TryParse(string? text, out Quantity quantity, out string error)
    {
        quantity = default;
        error = "";
        var s = (text ?? "").Trim();
        var i = 0;
        while (i < s.Length && (char.IsDigit(s[i]) || s[i] == '.')) i++;
        var number = s[..i];
        var unitText = s[i..].Trim();
        if (number.Length == 0 || !decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            error = $"expected an amount such as \"4 g\" but found \"{s}\"";
            return false;
        }
        if (unitText.Length == 0)
        {
            error = $"the amount \"{s}\" has no unit; write it as \"{number} g\" (units: {Unit.KnownSpellings})";
            return false;
        }
        if (!Unit.TryParse(unitText, out var unit))
        {
            error = $"unknown unit \"{unitText}\" in \"{s}\" (units: {Unit.KnownSpellings})";
            return false;
        }
        quantity = new Quantity(value, unit);
        return true;
    }

    public override string ToString() =>
        Value.ToString("0.######", CultureInfo.InvariantCulture) + " " + Unit.Symbol;
}
