namespace EcoBid.Server.Identity;

/// <summary>Configuration section <c>Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";
    public const string Issuer = "ecobid";
    public const string Audience = "ecobid";

    /// <summary>
    /// Base64 HMAC-SHA256 key (32 bytes or more) that signs access tokens. Empty: a key is generated on first start
    /// and kept in the data folder (<c>auth-signing.key</c>), so tokens survive restarts. Every API node of a
    /// scale-out deployment needs the same key.
    /// </summary>
    public string SigningKey { get; set; } = string.Empty;

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>PBKDF2-HMAC-SHA512 iterations: OWASP's 2023 recommendation is 210,000.</summary>
    public int PasswordIterations { get; set; } = 210_000;

    public int MaxFailedLogins { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan VerificationTokenLifetime { get; set; } = TimeSpan.FromDays(2);

    /// <summary>At most one new verification link per address this often, however often it is asked for.</summary>
    public TimeSpan VerificationResendInterval { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan ResetTokenLifetime { get; set; } = TimeSpan.FromHours(1);
}
