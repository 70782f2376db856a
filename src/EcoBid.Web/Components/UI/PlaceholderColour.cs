using System.Globalization;

namespace EcoBid.Web.Components.UI;

/// <summary>
/// The average colour a BlurHash carries in its first component (characters 2 to 5, base 83), shown behind a photo
/// until its bytes arrive. Pages cannot use inline styles under the content security policy, so the colour travels
/// in a <c>data-placeholder-colour</c> attribute that the page script applies.
/// </summary>
public static class PlaceholderColour
{
    private const string Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";

    /// <summary>The colour as <c>#rrggbb</c>, or null when the hash is missing or malformed.</summary>
    public static string? Of(string? blurHash)
    {
        if (blurHash is not { Length: >= 6 })
        {
            return null;
        }

        var value = 0;
        foreach (var c in blurHash.AsSpan(2, 4))
        {
            var digit = Digits.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0)
            {
                return null;
            }

            value = (value * 83) + digit;
        }

        return value > 0xFFFFFF ? null : "#" + value.ToString("x6", CultureInfo.InvariantCulture);
    }
}
