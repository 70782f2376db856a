namespace EcoBid.Server.Auctions;

/// <summary>
/// Auction times are whole milliseconds, as stored. Deciding on the stored precision keeps what a response says,
/// what the row holds, when the timer fires, and what a replay of the stored bids computes all the same instant.
/// </summary>
public static class AuctionTime
{
    public static DateTimeOffset Of(DateTimeOffset time) => DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());
}
