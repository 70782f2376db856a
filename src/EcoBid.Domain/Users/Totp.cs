using System.Buffers.Binary;
using System.Security.Cryptography;

namespace EcoBid.Domain.Users;

/// <summary>
/// Time-based one-time passwords (RFC 6238 over RFC 4226): HMAC-SHA1, 30-second steps, 6 digits — what authenticator
/// apps use by default. A code is accepted for the current step and one step either side, for clock drift.
/// </summary>
public static class Totp
{
    public const int Digits = 6;
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    public static byte[] NewSecret() => RandomNumberGenerator.GetBytes(20);

    public static string Code(ReadOnlySpan<byte> secret, DateTimeOffset time) => Code(secret, StepOf(time));

    /// <returns>The step the code belongs to, or null when it matches none in the window.</returns>
    public static long? Verify(ReadOnlySpan<byte> secret, string? code, DateTimeOffset time)
    {
        if (code is not { Length: Digits } || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        var step = StepOf(time);
        for (var drift = -1; drift <= 1; drift++)
        {
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Code(secret, step + drift)), System.Text.Encoding.ASCII.GetBytes(code)))
            {
                return step + drift;
            }
        }

        return null;
    }

    /// <summary>The <c>otpauth://</c> URI an authenticator app reads from a QR code.</summary>
    public static string ProvisioningUri(string issuer, string account, ReadOnlySpan<byte> secret) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}?secret={Base32.Encode(secret)}&issuer={Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits={Digits}&period={(int)Step.TotalSeconds}";

    public static long StepOf(DateTimeOffset time) => time.ToUnixTimeSeconds() / (long)Step.TotalSeconds;

    private static string Code(ReadOnlySpan<byte> secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // RFC 6238's default, and what every authenticator app computes.
        HMACSHA1.HashData(secret, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }
}
