using System.Security.Cryptography;
using OtpNet;

namespace EcoBid.Domain.Users;

/// <summary>
/// Time-based one-time passwords (RFC 6238 over RFC 4226) through Otp.NET: HMAC-SHA1, 30-second steps, 6 digits — what
/// authenticator apps use by default. A code is accepted for the current step and one step either side, for clock
/// drift. Secrets travel as RFC 4648 base32 without padding, the form authenticator apps take.
/// </summary>
public static class Totp
{
    public const int Digits = 6;
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    private static readonly VerificationWindow Drift = new(previous: 1, future: 1);

    public static byte[] NewSecret() => RandomNumberGenerator.GetBytes(20);

    public static string SecretText(byte[] secret) => Base32Encoding.ToString(secret).TrimEnd('=');

    /// <exception cref="ArgumentException">The text is not base32.</exception>
    public static byte[] SecretBytes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Base32Encoding.ToBytes(text.TrimEnd('=').ToUpperInvariant());
    }

    public static string Code(byte[] secret, DateTimeOffset time) => Generator(secret).ComputeTotp(time.UtcDateTime);

    /// <returns>The step the code belongs to, or null when it matches none in the window.</returns>
    public static long? Verify(byte[] secret, string? code, DateTimeOffset time) =>
        code is { Length: Digits } && code.All(char.IsAsciiDigit) && Generator(secret).VerifyTotp(time.UtcDateTime, code, out var step, Drift)
            ? step
            : null;

    /// <summary>The <c>otpauth://</c> URI an authenticator app reads from a QR code.</summary>
    public static string ProvisioningUri(string issuer, string account, byte[] secret) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}?secret={SecretText(secret)}&issuer={Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits={Digits}&period={(int)Step.TotalSeconds}";

    public static long StepOf(DateTimeOffset time) => time.ToUnixTimeSeconds() / (long)Step.TotalSeconds;

    private static OtpNet.Totp Generator(byte[] secret) => new(secret, (int)Step.TotalSeconds, OtpHashMode.Sha1, Digits);
}
