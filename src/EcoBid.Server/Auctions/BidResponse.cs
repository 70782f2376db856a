namespace EcoBid.Server.Auctions;

/// <summary>
/// An accepted bid and the auction right after it. <see cref="Leading"/> is false when a higher maximum already
/// stood: the bid raised the price but did not take the lead.
/// </summary>
public sealed record BidResponse(
    string BidId,
    string AuctionId,
    string ItemId,
    string Kind,
    long MaxAmount,
    string Currency,
    long CurrentPrice,
    bool Leading,
    int BidCount,
    DateTimeOffset PlacedAt,
    DateTimeOffset EndsAt,
    bool Extended,
    long? MinimumNextBid,
    string AuctionStatus);
