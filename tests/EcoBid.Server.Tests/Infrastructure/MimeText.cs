using System.Text;
using System.Text.RegularExpressions;

namespace EcoBid.Server.Tests.Infrastructure;

/// <summary>Headers as they are, plus the body decoded from base64 or quoted-printable, so tests can look for words in it.</summary>
public static partial class MimeText
{
    public static string Decode(string message)
    {
        var split = message.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (split < 0)
        {
            return message;
        }

        var headers = message[..split];
        var body = message[(split + 4)..];
        var encoding = TransferEncoding().Match(headers);
        var decoded = !encoding.Success ? body
            : encoding.Groups[1].Value.Equals("base64", StringComparison.OrdinalIgnoreCase) ? Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\r\n", string.Empty)))
            : encoding.Groups[1].Value.Equals("quoted-printable", StringComparison.OrdinalIgnoreCase) ? QuotedPrintable(body)
            : body;
        return headers + "\r\n\r\n" + decoded;
    }

    private static string QuotedPrintable(string body)
    {
        var joined = body.Replace("=\r\n", string.Empty);
        var bytes = new List<byte>();
        for (var i = 0; i < joined.Length; i++)
        {
            if (joined[i] == '=' && i + 2 < joined.Length && Uri.IsHexDigit(joined[i + 1]) && Uri.IsHexDigit(joined[i + 2]))
            {
                bytes.Add(Convert.ToByte(joined.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(joined[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    [GeneratedRegex(@"(?im)^Content-Transfer-Encoding:\s*([\w-]+)")]
    private static partial Regex TransferEncoding();
}
