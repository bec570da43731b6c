using System.Globalization;

namespace Decrim.Monitoring;

/// <summary>
/// An ISO 8601 week such as <c>2026-W47</c>: the finest time a report keeps. A date given by a reporter is turned into
/// its week before anything is stored. Weeks run Monday to Sunday; a week belongs to the year and the quarter of its
/// Thursday, so every week falls in exactly one quarter.
/// </summary>
public readonly record struct IsoWeek : IComparable<IsoWeek>
{
    public IsoWeek(int year, int week)
    {
        if (year is < 1 or > 9998) throw new ArgumentOutOfRangeException(nameof(year), $"{year} is not a year.");
        if (week < 1 || week > ISOWeek.GetWeeksInYear(year)) throw new ArgumentOutOfRangeException(nameof(week), $"{year} has no week {week}.");
        Year = year;
        Week = week;
    }

    public int Year { get; }
    public int Week { get; }

    public static IsoWeek Of(DateOnly date)
    {
        var d = date.ToDateTime(TimeOnly.MinValue);
        return new(ISOWeek.GetYear(d), ISOWeek.GetWeekOfYear(d));
    }

    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));
    public Quarter Quarter => Quarter.Of(Monday.AddDays(3));

    /// <summary>Reads <c>2026-W47</c> (also <c>2026W47</c>, either case).</summary>
    public static bool TryParse(string? text, out IsoWeek week)
    {
        week = default;
        var s = (text ?? "").Trim().ToUpperInvariant().Replace("-W", "W", StringComparison.Ordinal);
        var at = s.IndexOf('W', StringComparison.Ordinal);
        if (at != 4 || s.Length is < 6 or > 7
            || !int.TryParse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || !int.TryParse(s.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var w)
            || y < 1 || w < 1 || w > ISOWeek.GetWeeksInYear(y))
            return false;
        week = new(y, w);
        return true;
    }

    public int CompareTo(IsoWeek other) => Year != other.Year ? Year.CompareTo(other.Year) : Week.CompareTo(other.Week);
    public static bool operator <(IsoWeek a, IsoWeek b) => a.CompareTo(b) < 0;
    public static bool operator >(IsoWeek a, IsoWeek b) => a.CompareTo(b) > 0;
    public static bool operator <=(IsoWeek a, IsoWeek b) => a.CompareTo(b) <= 0;
    public static bool operator >=(IsoWeek a, IsoWeek b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"{Year:D4}-W{Week:D2}";
}
