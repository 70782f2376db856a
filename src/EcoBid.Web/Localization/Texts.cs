using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace EcoBid.Web.Localization;

/// <summary>
/// The reader's language (English or Polish, from the language cookie, else the browser's Accept-Language) and the
/// wording and number formats in it. The process runs with invariant globalization, so the two formats are spelled
/// out here (CLDR's en and pl) instead of coming from ICU.
/// </summary>
public sealed class Texts(IHttpContextAccessor accessor)
{
    public const string CookieName = "ecobid_lang";

    public static readonly IReadOnlySet<string> Supported = new HashSet<string>(StringComparer.Ordinal) { "en", "pl" };

    private string? _language;

    public string Language => _language ??= Detect(accessor.HttpContext);

    public bool IsPolish => Language == "pl";

    /// <summary>The text in the reader's language; English is the key, so an untranslated text still reads.</summary>
    public string this[string english] => IsPolish && Polish.Words.TryGetValue(english, out var polish) ? polish : english;

    /// <summary>An amount in minor units, in its currency, as the reader writes money (<c>PLN 1,234.50</c> / <c>1234,50 zł</c>).</summary>
    public string Money(long minor, string currency) => MoneyFormat.Format(minor, currency, Language);

    public string Distance(double km) => km < 1
        ? string.Format(CultureInfo.InvariantCulture, "{0:0} m", Math.Round(km * 1000 / 10) * 10)
        : Number(km, km < 10 ? 1 : 0) + " km";

    public string Number(double value, int decimals)
    {
        var text = value.ToString("N" + decimals, CultureInfo.InvariantCulture);
        return IsPolish ? MoneyFormat.ToPolish(text) : text;
    }

    /// <summary>A span as the largest two units: <c>2 h 13 min</c>, <c>3 d 4 h</c>, <c>45 s</c>.</summary>
    public string Span(TimeSpan span)
    {
        if (span <= TimeSpan.Zero)
        {
            return this["ended"];
        }

        var (d, h, m, s) = (span.Days, span.Hours, span.Minutes, span.Seconds);
        var day = IsPolish ? "d" : "d";
        var hour = IsPolish ? "godz." : "h";
        return d > 0 ? $"{d} {day} {h} {hour}" : h > 0 ? $"{h} {hour} {m} min" : m > 0 ? $"{m} min {s} s" : $"{s} s";
    }

    public string Date(DateTimeOffset time) =>
        time.ToUniversalTime().ToString(IsPolish ? "d.MM.yyyy HH:mm" : "d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " UTC";

    private static string Detect(HttpContext? context)
    {
        if (context is null)
        {
            return "en";
        }

        if (context.Request.Cookies[CookieName] is { } chosen && Supported.Contains(chosen))
        {
            return chosen;
        }

        foreach (var part in context.Request.Headers.AcceptLanguage.ToString().Split(','))
        {
            var tag = part.Split(';')[0].Trim();
            var primary = tag.Split('-')[0].ToLowerInvariant();
            if (Supported.Contains(primary))
            {
                return primary;
            }
        }

        return "en";
    }
}
