namespace EcoBid.Server.Auctions;

/// <summary>Configuration section <c>Auctions</c>.</summary>
public sealed class AuctionsOptions
{
    public const string Section = "Auctions";

    /// <summary>The shortest auction a seller may set.</summary>
    public TimeSpan MinDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest auction a seller may set.</summary>
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// An auction item's listing stays up at least this long past the latest end its auction can reach, so the
    /// listing never expires under a running auction and the seller has time to start another after an unsold end.
    /// </summary>
    public TimeSpan ListingGrace { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How long the answer to a bid or buy-now is kept under its Idempotency-Key (pruned by DailyCleanup). At least
    /// the longest auction, so a retry during any auction gets its stored answer; a retry after that bids again.
    /// </summary>
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromDays(7);
}
