using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EcoBid.Server.Aws.Protocol;

namespace EcoBid.Server.Aws.Signing;

/// <summary>
/// Checks a request's SigV4 signature (Authorization header) against the configured credentials and region, the way
/// AWS's front end does: unknown key, wrong scope, a clock more than 15 minutes off, or a signature that does not match
/// are each refused with AWS's code and message.
/// </summary>
public sealed class SigV4Verifier(AwsCredentials credentials, string region, TimeProvider clock)
{
    public static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);

    /// <param name="service">
    /// The signing name the credential scope must carry (<c>states</c> for Step Functions); null accepts any (the
    /// target names no known service, which is reported after authentication).
    /// </param>
    /// <exception cref="AwsException">The request is not signed by a known key, or not correctly.</exception>
    public void Verify(SignedRequest request, string? service)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Header("Authorization");
        if (string.IsNullOrEmpty(header))
        {
            throw AwsErrors.MissingToken();
        }

        var amzDate = request.Header("X-Amz-Date");
        var httpDate = request.Header("Date");
        var authorization = SigV4Authorization.Parse(header, amzDate is not null || httpDate is not null);
        if (!string.Equals(authorization.AccessKeyId, credentials.AccessKeyId, StringComparison.Ordinal))
        {
            throw AwsErrors.UnknownAccessKey();
        }

        var requestTime = RequestTime(amzDate, httpDate);
        var dateText = requestTime.UtcDateTime.ToString(SigV4.DateFormat, CultureInfo.InvariantCulture);
        CheckScope(authorization, requestTime, dateText, service);
        CheckClock(requestTime);
        if (!authorization.SignedHeaders.Contains("host", StringComparer.Ordinal))
        {
            throw AwsErrors.Signature("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }

        var signed = authorization.SignedHeaders
            .Select(name => new KeyValuePair<string, IReadOnlyList<string>>(name, request.HeaderValues(name)))
            .ToList();
        var canonical = SigV4.CanonicalRequest(request.Method, request.Path, request.Query, signed, SigV4.Hash(request.Body.Span));
        var stringToSign = SigV4.StringToSign(requestTime, authorization.Scope, canonical);
        var key = SigV4.SigningKey(credentials.SecretAccessKey, authorization.Date, authorization.Region, authorization.Service);
        var expected = SigV4.Signature(key, stringToSign);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(authorization.Signature)))
        {
            throw AwsErrors.Signature(
                $"{AwsErrors.SignatureMismatchMessage}\n\nThe Canonical String for this request should have been\n'{canonical}'\n\nThe String-to-Sign should have been\n'{stringToSign}'\n");
        }
    }

    private static DateTimeOffset RequestTime(string? amzDate, string? httpDate)
    {
        if (amzDate is not null)
        {
            return DateTimeOffset.TryParseExact(amzDate, SigV4.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
                ? parsed
                : throw AwsErrors.Incomplete($"Date must be in ISO-8601 'basic format'. Got '{amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601");
        }

        return DateTimeOffset.TryParseExact(httpDate, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date
            : throw AwsErrors.Incomplete($"Date must be in RFC 1123 format. Got '{httpDate}'.");
    }

    private void CheckScope(SigV4Authorization authorization, DateTimeOffset requestTime, string dateText, string? service)
    {
        if (authorization.Terminator != SigV4.Terminator)
        {
            throw AwsErrors.Signature($"Credential should be scoped with a valid terminator: '{SigV4.Terminator}', not '{authorization.Terminator}'.");
        }

        var day = requestTime.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        if (authorization.Date != day)
        {
            throw AwsErrors.Signature(
                $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{authorization.Date}' != '{day}', from '{dateText}'.");
        }

        if (!string.Equals(authorization.Region, region, StringComparison.Ordinal))
        {
            throw AwsErrors.Signature($"Credential should be scoped to a valid region, not '{authorization.Region}'. ");
        }

        if (service is not null && authorization.Service != service)
        {
            throw AwsErrors.Signature($"Credential should be scoped to correct service: '{service}'. ");
        }
    }

    private void CheckClock(DateTimeOffset requestTime)
    {
        var now = clock.GetUtcNow();
        static string Format(DateTimeOffset time) => time.UtcDateTime.ToString(SigV4.DateFormat, CultureInfo.InvariantCulture);
        if (requestTime < now - AllowedSkew)
        {
            throw AwsErrors.Signature($"Signature expired: {Format(requestTime)} is now earlier than {Format(now - AllowedSkew)} ({Format(now)} - 15 min.)");
        }

        if (requestTime > now + AllowedSkew)
        {
            throw AwsErrors.Signature($"Signature not yet current: {Format(requestTime)} is still later than {Format(now + AllowedSkew)} ({Format(now)} + 15 min.)");
        }
    }
}
