using System.Globalization;
using System.Text.RegularExpressions;

namespace Decrim;

/// <summary>An amount of money in an ISO 4217 currency, such as <c>500 USD</c> or <c>15000 CZK</c>.</summary>
public readonly partial record struct Money
{
    public Money(decimal amount, string currency)
    {
        if (amount < 0) throw new ArgumentOutOfRangeException(nameof(amount), "An amount of money cannot be negative.");
        if (!CurrencyCode().IsMatch(currency ?? "")) throw new ArgumentException($"\"{currency}\" is not an ISO 4217 currency code.", nameof(currency));
        Amount = amount;
        Currency = currency!;
    }

    public decimal Amount { get; }
    public string Currency { get => field ?? "XXX"; }

    public Money Times(decimal factor) => new(Amount * factor, Currency);

    public static bool TryParse(string? text, out Money money, out string error)
    {
        money = default;
        error = "";
        var parts = (text ?? "").Trim().Replace(",", "", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2
            || !decimal.TryParse(parts[0], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            || !CurrencyCode().IsMatch(parts[1]))
        {
            error = $"expected an amount of money such as \"500 USD\" but found \"{text}\"";
            return false;
        }
        money = new Money(amount, parts[1]);
        return true;
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();

    public override string ToString() => Amount.ToString("#,0.##", CultureInfo.InvariantCulture) + " " + Currency;
}
