using System.Globalization;

namespace Decrim.Monitoring;

/// <summary>A calendar quarter such as <c>2026-Q4</c>: the unit in which monitoring figures are published.</summary>
public readonly record struct Quarter : IComparable<Quarter>
{
    public Quarter(int year, int number)
    {
        if (year is < 1 or > 9998) throw new ArgumentOutOfRangeException(nameof(year), $"{year} is not a year.");
        if (number is < 1 or > 4) throw new ArgumentOutOfRangeException(nameof(number), $"a year has quarters 1 to 4, not {number}.");
        Year = year;
        Number = number;
    }

    public int Year { get; }
    public int Number { get; }

    public static Quarter Of(DateOnly date) => new(date.Year, (date.Month - 1) / 3 + 1);

    public DateOnly First => new(Year, (Number - 1) * 3 + 1, 1);
    /// <summary>The last day in the quarter (inclusive).</summary>
    public DateOnly Last => First.AddMonths(3).AddDays(-1);

    /// <summary>Reads <c>2026-Q4</c> (also <c>2026Q4</c>, either case).</summary>
    public static bool TryParse(string? text, out Quarter quarter)
    {
        quarter = default;
        var s = (text ?? "").Trim().ToUpperInvariant().Replace("-Q", "Q", StringComparison.Ordinal);
        if (s.Length != 6 || s[4] != 'Q'
            || !int.TryParse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || s[5] is < '1' or > '4' || y < 1)
            return false;
        quarter = new(y, s[5] - '0');
        return true;
    }

    public int CompareTo(Quarter other) => Year != other.Year ? Year.CompareTo(other.Year) : Number.CompareTo(other.Number);
    public static bool operator <(Quarter a, Quarter b) => a.CompareTo(b) < 0;
    public static bool operator >(Quarter a, Quarter b) => a.CompareTo(b) > 0;
    public static bool operator <=(Quarter a, Quarter b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Quarter a, Quarter b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"{Year:D4}-Q{Number}";
}
