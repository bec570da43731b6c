using System.Globalization;

namespace Decrim.Web.Site;

/// <summary>Dates in page addresses: YYYY-MM-DD, today when absent; a bad one falls back to today with a message to show.</summary>
public static class Dates
{
    public static DateOnly Parse(string? text, out string? error)
    {
        error = null;
        if (TryParse(text, out var date)) return date;
        error = $"\"{text}\" is not a date (YYYY-MM-DD); showing today.";
        return DateOnly.FromDateTime(DateTime.Today);
    }

    /// <summary>A date written YYYY-MM-DD, or today when none is written; false for anything else.</summary>
    public static bool TryParse(string? text, out DateOnly date)
    {
        date = DateOnly.FromDateTime(DateTime.Today);
        return string.IsNullOrWhiteSpace(text)
            || DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    public static string Iso(this DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
