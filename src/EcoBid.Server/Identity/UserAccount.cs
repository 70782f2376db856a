namespace EcoBid.Server.Identity;

/// <summary>A row of <c>users</c>, as Dapper reads it.</summary>
public sealed record UserAccount
{
    public required string Id { get; init; }
    public required string Email { get; init; }
    public required string PasswordHash { get; init; }
    public required string DisplayName { get; init; }
    public required string Role { get; init; }
    public long? EmailVerifiedAt { get; init; }
    public int FailedLogins { get; init; }
    public long? LockedUntil { get; init; }
    public string? TotpSecret { get; init; }
    public bool TotpEnabled { get; init; }
    public long? TotpLastStep { get; init; }
    public double? HomeLat { get; init; }
    public double? HomeLon { get; init; }
    public required string NotificationPrefs { get; init; }
    public long RatingSum { get; init; }
    public long RatingCount { get; init; }
    public long CompletedPickups { get; init; }
    public long NoShows { get; init; }
    public long CreatedAt { get; init; }
    public long UpdatedAt { get; init; }
    public string Locale { get; init; } = Locales.Default;
}
