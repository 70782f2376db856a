namespace EcoBid.Domain.Auctions;

public static class AuctionStatus
{
    /// <summary>Taking bids until its effective end (exclusive).</summary>
    public const string Open = "open";

    /// <summary>Closed at or after its effective end, or by buy-now; sold or not.</summary>
    public const string Ended = "ended";

    /// <summary>Withdrawn by the seller before any bid.</summary>
    public const string Cancelled = "cancelled";
}
