namespace EcoBid.Domain.Auctions;

/// <summary>
/// Anti-sniping: a bid that moves the price within <see cref="Window"/> of the end moves the end to the bid's time
/// plus <see cref="Window"/>, but never beyond the original end plus <see cref="MaxExtension"/>.
/// </summary>
public sealed record SoftCloseRule(TimeSpan Window, TimeSpan MaxExtension)
{
    /// <summary>2 minutes, at most 10 minutes in all (docs/auctions.md).</summary>
    public static SoftCloseRule Default { get; } = new(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10));

    public static TimeSpan MaxWindow { get; } = TimeSpan.FromHours(1);

    public static TimeSpan MaxTotalExtension { get; } = TimeSpan.FromDays(1);
}
