using System.Globalization;
using System.Text.RegularExpressions;

namespace EcoBid.Workflows.Json;

/// <summary>Timestamps as the States Language wants them: RFC 3339 with an uppercase T and an uppercase Z (or a numeric offset).</summary>
internal static partial class Rfc3339
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (text is null || !Shape().IsMatch(text)) return false;
        var normalized = text;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            // .NET parses at most 7 fractional digits; AWS accepts more (and ignores what is below a tick).
            var end = dot + 1;
            while (end < text.Length && char.IsDigit(text[end])) end++;
            if (end - dot - 1 > 7) normalized = text[..(dot + 8)] + text[end..];
        }
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    /// <summary>AWS's rendering of a time in the context object and history: UTC with milliseconds and a Z.</summary>
    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
