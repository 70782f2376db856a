namespace EcoBid.Web.Services.Models;

/// <summary>The <c>auction</c> section of an item (docs/auctions.md); amounts in minor units of <see cref="Currency"/>.</summary>
public sealed record Auction(
    string AuctionId, string Status, string Currency, long StartPrice, long? CurrentPrice, long? MinimumBid, int BidCount, int BidderCount,
    bool HasReserve, bool? ReserveMet, long? ReservePrice, long? BuyNowPrice, DateTimeOffset EndsAt, long? YourMaximum, bool? YouLead,
    AuctionResult? Result);

public sealed record AuctionResult(bool Sold, long? WinningBid, DateTimeOffset? ClosedAt, bool? YouWon, string? ReservationId);

public sealed record BidAnswer(string BidId, long MaxAmount, long? CurrentPrice, bool Leading, int BidCount, string AuctionStatus);

public sealed record BidHistoryEntry(long Seq, string Bidder, string Kind, DateTimeOffset PlacedAt, long? PriceAfter, bool You, long? YourMaximum);

public sealed record BidHistory(IReadOnlyList<BidHistoryEntry> Bids, long? NextBefore);

public sealed record MyBid(
    string AuctionId, string ItemId, string Title, string Status, string Currency, long? CurrentPrice, long YourMaximum, bool Leading,
    int YourBids, int BidCount, DateTimeOffset EndsAt, bool? Won);
