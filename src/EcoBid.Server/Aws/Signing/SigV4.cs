using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EcoBid.Server.Aws.Signing;

/// <summary>
/// Signature Version 4's pure parts, as AWS specifies them: the canonical request, the string to sign, the derived
/// signing key and the signature. Nothing here reads a request; <see cref="SigV4Verifier"/> feeds it one.
/// </summary>
public static class SigV4
{
    public const string Algorithm = "AWS4-HMAC-SHA256";
    public const string Terminator = "aws4_request";
    public const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>The hash of an empty payload.</summary>
    public static readonly string EmptyPayloadHash = Hex(SHA256.HashData([]));

    /// <summary>
    /// The canonical request. <paramref name="path"/> is the path as the client sent it (still percent-encoded):
    /// dot segments and repeated slashes are removed and it is encoded once more, as for every service but S3.
    /// <paramref name="headers"/> are the signed headers, each name with all its values, in the signed order.
    /// </summary>
    public static string CanonicalRequest(
        string method, string path, string query, IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> headers, string payloadHash)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(headers);
        var builder = new StringBuilder();
        builder.Append(method.ToUpperInvariant()).Append('\n');
        builder.Append(CanonicalPath(path)).Append('\n');
        builder.Append(CanonicalQuery(query)).Append('\n');
        foreach (var (name, values) in headers)
        {
            builder.Append(name.ToLowerInvariant()).Append(':').Append(string.Join(',', values.Select(TrimHeaderValue))).Append('\n');
        }

        builder.Append('\n');
        builder.Append(string.Join(';', headers.Select(h => h.Key.ToLowerInvariant()))).Append('\n');
        builder.Append(payloadHash);
        return builder.ToString();
    }

    public static string CredentialScope(string date, string region, string service) => $"{date}/{region}/{service}/{Terminator}";

    public static string StringToSign(DateTimeOffset requestTime, string scope, string canonicalRequest) =>
        $"{Algorithm}\n{requestTime.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture)}\n{scope}\n{Hash(canonicalRequest)}";

    /// <summary>kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").</summary>
    public static byte[] SigningKey(string secretAccessKey, string date, string region, string service)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(Terminator));
    }

    public static string Signature(byte[] signingKey, string stringToSign) =>
        Hex(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign)));

    public static string Hash(string text) => Hex(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static string Hash(ReadOnlySpan<byte> bytes) => Hex(SHA256.HashData(bytes));

    /// <summary>The path with dot segments and empty segments removed, then every byte but unreserved ones and '/' percent-encoded.</summary>
    public static string CanonicalPath(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "/";
        }

        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            segments.Add(segment);
        }

        var normalized = "/" + string.Join('/', segments);
        if (path.EndsWith('/') && segments.Count > 0)
        {
            normalized += "/";
        }

        return Encode(normalized, keepSlash: true);
    }

    /// <summary>Each parameter decoded and encoded again the AWS way, sorted by name, then value.</summary>
    public static string CanonicalQuery(string? query)
    {
        if (string.IsNullOrEmpty(query))
        {
            return "";
        }

        var pairs = new List<(string Name, string Value)>();
        foreach (var part in query.TrimStart('?').Split('&'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? "" : part[(equals + 1)..];
            pairs.Add((Encode(Uri.UnescapeDataString(name), keepSlash: false), Encode(Uri.UnescapeDataString(value), keepSlash: false)));
        }

        return string.Join('&', pairs
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));
    }

    /// <summary>RFC 3986 encoding of the UTF-8 bytes: A-Z a-z 0-9 - _ . ~ stay; so does '/' in a path.</summary>
    public static string Encode(string value, bool keepSlash)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' || (keepSlash && c == '/'))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>Leading and trailing spaces removed, runs of spaces inside made one.</summary>
    public static string TrimHeaderValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        var space = false;
        foreach (var c in value.Trim())
        {
            if (c is ' ' or '\t')
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
