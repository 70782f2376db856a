using EcoBid.Server.Aws.Protocol;

namespace EcoBid.Server.Aws.Signing;

/// <summary>
/// The parts of an <c>Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…</c> header.
/// <see cref="Parse"/> refuses an incomplete header with AWS's IncompleteSignatureException and message.
/// </summary>
public sealed record SigV4Authorization(
    string AccessKeyId, string Date, string Region, string Service, string Terminator, IReadOnlyList<string> SignedHeaders, string Signature)
{
    public string Scope => $"{Date}/{Region}/{Service}/{Terminator}";

    /// <param name="header">The Authorization header's value.</param>
    /// <param name="hasDate">Whether the request carries X-Amz-Date or Date (AWS names a missing one in the same message).</param>
    public static SigV4Authorization Parse(string header, bool hasDate)
    {
        ArgumentNullException.ThrowIfNull(header);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var trimmed = header.Trim();
        if (trimmed.StartsWith(SigV4.Algorithm + " ", StringComparison.Ordinal))
        {
            foreach (var part in trimmed[SigV4.Algorithm.Length..].Split(','))
            {
                var equals = part.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    parameters[part[..equals].Trim()] = part[(equals + 1)..].Trim();
                }
            }
        }

        var missing = new List<string>();
        foreach (var name in new[] { "Credential", "Signature", "SignedHeaders" })
        {
            if (!parameters.TryGetValue(name, out var value) || value.Length == 0)
            {
                missing.Add($"Authorization header requires '{name}' parameter.");
            }
        }

        if (!hasDate)
        {
            missing.Add("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }

        if (missing.Count > 0)
        {
            throw AwsErrors.Incomplete(string.Join(' ', missing) + " Authorization=" + header);
        }

        var credential = parameters["Credential"];
        var scope = credential.Split('/');
        if (scope.Length != 5)
        {
            throw AwsErrors.Incomplete($"Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '{credential}'");
        }

        var signedHeaders = parameters["SignedHeaders"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new SigV4Authorization(scope[0], scope[1], scope[2], scope[3], scope[4], signedHeaders, parameters["Signature"]);
    }
}
