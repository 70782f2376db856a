using System.Globalization;

namespace EcoBid.Web.Localization;

/// <summary>
/// Money as CLDR formats it for English and Polish readers: <c>PLN 1,234.50</c>, <c>€1,234.50</c> in English;
/// <c>1234,50 zł</c>, <c>12 345,50 €</c> in Polish (a non-breaking space groups thousands from five digits up).
/// Amounts are whole minor units (hundredths), as the API gives them.
/// </summary>
public static class MoneyFormat
{
    private const char Nbsp = '\u00A0';

    private static readonly Dictionary<string, string> EnglishSymbols = new(StringComparer.Ordinal)
    {
        ["EUR"] = "€", ["GBP"] = "£", ["USD"] = "US$",
    };

    private static readonly Dictionary<string, string> PolishSymbols = new(StringComparer.Ordinal)
    {
        ["PLN"] = "zł", ["EUR"] = "€", ["GBP"] = "GBP", ["USD"] = "USD",
    };

    public static string Format(long minor, string currency, string language)
    {
        ArgumentNullException.ThrowIfNull(currency);
        var sign = minor < 0 ? "-" : "";
        var amount = Math.Abs(minor);
        var whole = amount / 100;
        var cents = (amount % 100).ToString("00", CultureInfo.InvariantCulture);
        if (language == "pl")
        {
            var digits = whole.ToString(CultureInfo.InvariantCulture);
            var grouped = digits.Length >= 5 ? Group(digits, Nbsp) : digits;
            return $"{sign}{grouped},{cents}{Nbsp}{PolishSymbols.GetValueOrDefault(currency, currency)}";
        }

        var english = Group(whole.ToString(CultureInfo.InvariantCulture), ',') + "." + cents;
        return EnglishSymbols.TryGetValue(currency, out var symbol) ? $"{sign}{symbol}{english}" : $"{sign}{currency}{Nbsp}{english}";
    }

    /// <summary>An invariant number (<c>1,234.5</c>) written the Polish way (<c>1234,5</c>).</summary>
    public static string ToPolish(string invariant)
    {
        ArgumentNullException.ThrowIfNull(invariant);
        var parts = invariant.Replace(",", "", StringComparison.Ordinal).Split('.');
        var whole = parts[0].Length >= 5 ? Group(parts[0], Nbsp) : parts[0];
        return parts.Length > 1 ? whole + "," + parts[1] : whole;
    }

    private static string Group(string digits, char separator)
    {
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0 && (digits.Length - i) % 3 == 0)
            {
                builder.Append(separator);
            }

            builder.Append(digits[i]);
        }

        return builder.ToString();
    }
}
