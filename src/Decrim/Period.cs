using System.Globalization;

namespace Decrim;

public enum PeriodUnit { Hour, Day, Week, Month, Year }

/// <summary>
/// How a date plus a number of months or years is resolved when the day does not exist in the target month
/// (31 January plus one month). Catala refuses such arithmetic unless a rounding is declared; so do we: a policy
/// that counts in months or years must say which rule the law uses.
/// </summary>
public enum MonthRounding
{
    /// <summary>Not declared. Adding months to a day past the 28th is then an error in the policy.</summary>
    Undeclared,
    /// <summary>31 January + 1 month = the last day of February.</summary>
    EndOfMonth,
    /// <summary>31 January + 1 month = 1 March (the overflow carries into the next month).</summary>
    NextMonthStart,
}

/// <summary>A length of time as the law states it ("1 month", "30 days", "6 months", "2.5 years"); never negative.</summary>
public readonly record struct Period
{
    public Period(decimal value, PeriodUnit unit)
    {
        if (value < 0) throw new ArgumentOutOfRangeException(nameof(value), "A period cannot be negative.");
        Value = value;
        Unit = unit;
    }

    public decimal Value { get; }
    public PeriodUnit Unit { get; }

    public bool CountsMonths => Unit is PeriodUnit.Month or PeriodUnit.Year;

    /// <summary>Approximate length in days, for ordering and for comparing purchase windows only.</summary>
    public decimal ApproximateDays => Unit switch
    {
        PeriodUnit.Hour => Value / 24m,
        PeriodUnit.Day => Value,
        PeriodUnit.Week => Value * 7m,
        PeriodUnit.Month => Value * 30.436875m,
        _ => Value * 365.2425m,
    };

    /// <summary>
    /// Adds this period to <paramref name="start"/> and says in words how the date was reached. Whole months and
    /// years only; a day that does not exist in the target month is resolved by <paramref name="rounding"/>.
    /// </summary>
    public (DateOnly Date, string Explanation) AddTo(DateOnly start, MonthRounding rounding)
    {
        var date = DateAfter(start, rounding);
        if (!CountsMonths) return (date, $"{start:yyyy-MM-dd} + {this} = {date:yyyy-MM-dd}");
        var target = new DateOnly(start.Year, start.Month, 1).AddMonths(WholeMonths);
        if (start.Day <= DateTime.DaysInMonth(target.Year, target.Month))
            return (date, $"{start:yyyy-MM-dd} + {this} = {date:yyyy-MM-dd} (same day of the month)");
        var missing = $"{target:yyyy-MM} has no day {start.Day}";
        return (date, rounding == MonthRounding.EndOfMonth
            ? $"{start:yyyy-MM-dd} + {this} = {date:yyyy-MM-dd} ({missing}; the policy counts to the end of the month)"
            : $"{start:yyyy-MM-dd} + {this} = {date:yyyy-MM-dd} ({missing}; the policy carries over to the first day of the next month)");
    }

    /// <summary>The date <see cref="AddTo"/> reaches, without the explanation (the simulator dates millions of steps).</summary>
    public DateOnly DateAfter(DateOnly start, MonthRounding rounding)
    {
        switch (Unit)
        {
            case PeriodUnit.Hour:
                return start.AddDays((int)Math.Ceiling(Value / 24m));
            case PeriodUnit.Day:
            case PeriodUnit.Week:
                return start.AddDays((int)Math.Ceiling(ApproximateDays));
        }
        var target = new DateOnly(start.Year, start.Month, 1).AddMonths(WholeMonths);
        var daysInTarget = DateTime.DaysInMonth(target.Year, target.Month);
        if (start.Day <= daysInTarget) return target.AddDays(start.Day - 1);
        return rounding switch
        {
            MonthRounding.EndOfMonth => target.AddDays(daysInTarget - 1),
            MonthRounding.NextMonthStart => target.AddMonths(1),
            _ => throw new InvalidOperationException($"{target:yyyy-MM} has no day {start.Day} and the policy declares no month rounding."),
        };
    }

    private int WholeMonths => Value == decimal.Truncate(Value)
        ? (int)Value * (Unit == PeriodUnit.Year ? 12 : 1)
        : throw new InvalidOperationException($"{this} is not a whole number of {Unit.ToString().ToLowerInvariant()}s.");

    public static bool TryParse(string? text, out Period period, out string error)
    {
        period = default;
        error = "";
        var s = (text ?? "").Trim();
        var i = 0;
        while (i < s.Length && (char.IsDigit(s[i]) || s[i] == '.')) i++;
        if (decimal.TryParse(s[..i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && TryParseUnit(s[i..].Trim(), out var unit))
        {
            period = new Period(value, unit);
            return true;
        }
        error = $"expected a period such as \"30 days\", \"1 month\" or \"2 years\" but found \"{text}\"";
        return false;
    }

    private static bool TryParseUnit(string s, out PeriodUnit unit)
    {
        unit = s.ToLowerInvariant().TrimEnd('s') switch
        {
            "hour" or "h" => PeriodUnit.Hour,
            "day" or "d" => PeriodUnit.Day,
            "week" or "w" => PeriodUnit.Week,
            "month" or "m" => PeriodUnit.Month,
            "year" or "y" => PeriodUnit.Year,
            _ => (PeriodUnit)(-1),
        };
        return Enum.IsDefined(unit);
    }

    public override string ToString()
    {
        var name = Unit.ToString().ToLowerInvariant();
        return Value.ToString("0.##", CultureInfo.InvariantCulture) + " " + (Value == 1 ? name : name + "s");
    }
}
