using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace EcoBid.Server.Items.Search;

/// <summary>
/// The opaque <c>nextCursor</c>: base64url of a version byte, the last item's position (tier, distance, row id) and a
/// check over that position and the search's fingerprint. The check is not a secret: it makes an edited cursor, or
/// one used with different search parameters, a 400 instead of a silently wrong page.
/// </summary>
public static class SearchCursor
{
    private const byte Version = 1;
    private const int PayloadLength = 1 + 1 + sizeof(double) + sizeof(long);
    private const int CheckLength = 8;

    public static string Encode(SearchPosition position, string fingerprint)
    {
        var bytes = new byte[PayloadLength + CheckLength];
        bytes[0] = Version;
        bytes[1] = (byte)position.Tier;
        BinaryPrimitives.WriteDoubleBigEndian(bytes.AsSpan(2), position.DistanceKm);
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(10), position.Seq);
        Check(bytes.AsSpan(0, PayloadLength), fingerprint).CopyTo(bytes.AsSpan(PayloadLength));
        return Base64Url.EncodeToString(bytes);
    }

    /// <returns>The position, or null when the text is not a cursor this search handed out.</returns>
    public static SearchPosition? Decode(string cursor, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        var bytes = new byte[PayloadLength + CheckLength];
        // Only the exact text handed out: base64 can spell the same bytes in more than one way (unused low bits).
        if (cursor.Length > 64 || !TryDecode(cursor, bytes) || bytes[0] != Version || Base64Url.EncodeToString(bytes) != cursor)
        {
            return null;
        }

        if (!CryptographicOperations.FixedTimeEquals(Check(bytes.AsSpan(0, PayloadLength), fingerprint), bytes.AsSpan(PayloadLength)))
        {
            return null;
        }

        var position = new SearchPosition(bytes[1], BinaryPrimitives.ReadDoubleBigEndian(bytes.AsSpan(2)), BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(10)));
        return position.Tier is 0 or 1 && double.IsFinite(position.DistanceKm) && position.DistanceKm >= 0 && position.Seq > 0 ? position : null;
    }

    private static bool TryDecode(string text, byte[] bytes)
    {
        try
        {
            return Base64Url.TryDecodeFromChars(text, bytes, out var written) && written == bytes.Length;
        }
        catch (FormatException)
        {
            // TryDecodeFromChars throws, rather than answering false, for some lengths.
            return false;
        }
    }

    private static byte[] Check(ReadOnlySpan<byte> payload, string fingerprint)
    {
        var input = new byte[payload.Length + Encoding.UTF8.GetByteCount(fingerprint)];
        payload.CopyTo(input);
        Encoding.UTF8.GetBytes(fingerprint, input.AsSpan(payload.Length));
        return SHA256.HashData(input)[..CheckLength];
    }
}
