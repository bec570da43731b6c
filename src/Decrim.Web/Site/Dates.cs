using System.Globalization;

namespace Decrim.Web.Site;

/// <summary>Dates in page addresses: YYYY-MM-DD, today when absent; a bad one falls back to today with a message to show.</summary>
public static class Dates
{
    public static DateOnly Parse(string? text, out string? error)
    {
        error = null;
        var today = DateOnly.FromDateTime(DateTime.Today);
        if (string.IsNullOrWhiteSpace(text)) return today;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        error = $"\"{text}\" is not a date (YYYY-MM-DD); showing today.";
        return today;
    }

    public static string Iso(this DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
