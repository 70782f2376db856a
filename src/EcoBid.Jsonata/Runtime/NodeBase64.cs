using System.Text;

namespace EcoBid.Jsonata.Runtime;

/// <summary>
/// What Node's <c>Buffer.from(s, 'binary' | 'base64')</c> does for <c>$base64encode</c>/<c>$base64decode</c>: the
/// reference implementation takes that path under Node, so its results (not the browser's <c>btoa</c>) are the ones
/// to match.
/// </summary>
internal static class NodeBase64
{
    /// <summary>Latin-1 "binary" encoding keeps the low byte of each UTF-16 unit, then base64 with padding.</summary>
    public static string EncodeBinaryString(string text)
    {
        var bytes = new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            bytes[i] = unchecked((byte)text[i]);
        }

        return Convert.ToBase64String(bytes);
    }

    /// <summary>
    /// Node's lenient decoder: both alphabets, characters outside them skipped, decoding stops at the first '=';
    /// bits of an incomplete last byte are dropped. Each byte becomes one character (Latin-1).
    /// </summary>
    public static string DecodeToBinaryString(string text)
    {
        var result = new StringBuilder(text.Length * 3 / 4);
        var buffer = 0;
        var bits = 0;
        foreach (var c in text)
        {
            if (c == '=')
            {
                break;
            }

            var value = SextetOf(c);
            if (value < 0)
            {
                continue;
            }

            buffer = (buffer << 6) | value;
            bits += 6;
            if (bits >= 8)
            {
                bits -= 8;
                result.Append((char)((buffer >> bits) & 0xFF));
            }
        }

        return result.ToString();
    }

    private static int SextetOf(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a' + 26,
        >= '0' and <= '9' => c - '0' + 52,
        '+' or '-' => 62,
        '/' or '_' => 63,
        _ => -1,
    };
}
