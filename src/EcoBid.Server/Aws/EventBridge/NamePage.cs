using System.Buffers.Text;
using System.Text;

namespace EcoBid.Server.Aws.EventBridge;

/// <summary>
/// One page of a list ordered by name. The NextToken is the name the next page starts at (base64url, opaque to
/// clients), so a token stays good while the list is unchanged and needs no state on the server.
/// </summary>
internal static class NamePage
{
    /// <summary>AWS's largest Limit, and the page size when none is asked for.</summary>
    public const int MaxLimit = 100;

    /// <exception cref="Protocol.AwsException">The token is not one this server gave.</exception>
    public static (IReadOnlyList<T> Items, string? NextToken) Take<T>(IEnumerable<T> items, Func<T, string> name, int? limit, string? nextToken)
    {
        var ordered = items.OrderBy(name, StringComparer.Ordinal).ToList();
        var start = 0;
        if (nextToken is not null)
        {
            var from = Decode(nextToken);
            start = ordered.FindIndex(item => string.CompareOrdinal(name(item), from) >= 0);
            if (start < 0)
            {
                start = ordered.Count;
            }
        }

        var size = limit ?? MaxLimit;
        var page = ordered.Skip(start).Take(size).ToList();
        var next = start + size < ordered.Count ? Encode(name(ordered[start + size])) : null;
        return (page, next);
    }

    private static string Encode(string name) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(name));

    private static string Decode(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            throw EventBridgeErrors.InvalidNextToken();
        }
    }
}
