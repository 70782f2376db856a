using System.Globalization;
using System.Text;
using EcoBid.Server.Aws.Signing;

namespace EcoBid.Server.Tests.Aws;

/// <summary>Signs hand-made requests the way an SDK does (the pure parts are checked against AWS's vectors).</summary>
public static class TestSigner
{
    public const string Target = "X-Amz-Target";

    /// <summary>Headers of a signed JSON-protocol POST: host, content type, date, target, and Authorization.</summary>
    public static Dictionary<string, string> Headers(
        string host, string path, string target, byte[] body, string accessKey, string secret, DateTimeOffset time,
        string region = "us-east-1", string service = "states")
    {
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["content-type"] = "application/x-amz-json-1.0",
            ["host"] = host,
            ["x-amz-date"] = time.UtcDateTime.ToString(SigV4.DateFormat, CultureInfo.InvariantCulture),
            ["x-amz-target"] = target,
        };
        var canonical = SigV4.CanonicalRequest("POST", path, "",
            headers.Select(h => new KeyValuePair<string, IReadOnlyList<string>>(h.Key, [h.Value])).ToList(), SigV4.Hash(body));
        var date = time.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var scope = SigV4.CredentialScope(date, region, service);
        var signature = SigV4.Signature(SigV4.SigningKey(secret, date, region, service), SigV4.StringToSign(time, scope, canonical));
        var result = new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase)
        {
            ["Authorization"] = $"{SigV4.Algorithm} Credential={accessKey}/{scope}, SignedHeaders={string.Join(';', headers.Keys)}, Signature={signature}",
        };
        return result;
    }

    public static SignedRequest Request(IReadOnlyDictionary<string, string> headers, string path, byte[] body) =>
        new("POST", path, "", headers.ToDictionary(h => h.Key, h => (IReadOnlyList<string>)[h.Value], StringComparer.OrdinalIgnoreCase), body);

    public static byte[] Json(string text) => Encoding.UTF8.GetBytes(text);
}
