using System.Globalization;
using EcoBid.Server.Identity;

namespace EcoBid.Server.Notifications;

/// <summary>
/// An amount in minor units (cents) written for a reader: their language's digits and separators, and the amount's
/// own currency — a Polish reader sees "12,50 zł", an English one "PLN 12.50". The currency is the auction's, never
/// the reader's: nothing is converted.
/// </summary>
public static class MoneyText
{
    // Built by hand rather than read from culture data: the server runs with invariant globalization (no ICU needed).
    private static readonly NumberFormatInfo English = new()
    {
        CurrencyDecimalDigits = 2,
        CurrencyDecimalSeparator = ".",
        CurrencyGroupSeparator = ",",
        CurrencyPositivePattern = 0, // "$n"
        CurrencyNegativePattern = 1, // "-$n"
    };

    private static readonly NumberFormatInfo Polish = new()
    {
        CurrencyDecimalDigits = 2,
        CurrencyDecimalSeparator = ",",
        CurrencyGroupSeparator = "\u00A0",
        CurrencyPositivePattern = 3, // "n $"
        CurrencyNegativePattern = 8, // "-n $"
    };

    public static string Format(long minorUnits, string currency, string? locale)
    {
        ArgumentNullException.ThrowIfNull(currency);
        var polish = locale == Locales.Polish;
        var format = (NumberFormatInfo)(polish ? Polish : English).Clone();
        var symbol = Symbol(currency, polish);
        format.CurrencySymbol = symbol;
        if (symbol.Length > 1 && !polish)
        {
            // A code in front needs a space ("PLN 12.50"); a sign does not ("€12.50").
            format.CurrencyPositivePattern = 2;
            format.CurrencyNegativePattern = 12;
        }

        return (minorUnits / 100m).ToString("C", format);
    }

    private static string Symbol(string currency, bool polish) => currency.ToUpperInvariant() switch
    {
        "PLN" when polish => "zł",
        "EUR" => "€",
        "GBP" => "£",
        "USD" when !polish => "$",
        var code => code,
    };
}
