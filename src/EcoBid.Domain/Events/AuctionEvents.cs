namespace EcoBid.Domain.Events;

/// <summary>Amounts are in minor units (cents) of <c>Currency</c>, so no rounding ever happens on the wire.</summary>
[DomainEvent(EventSources.Auctions, "AuctionCreated")]
public sealed record AuctionCreated(
    string AuctionId,
    string ItemId,
    string SellerId,
    long StartPrice,
    long? ReservePrice,
    long? BuyNowPrice,
    string Currency,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt);

[DomainEvent(EventSources.Auctions, "BidPlaced")]
public sealed record BidPlaced(string AuctionId, string ItemId, string BidId, string BidderId, long CurrentPrice, string LeaderId, int BidCount, DateTimeOffset PlacedAt);

[DomainEvent(EventSources.Auctions, "AuctionExtended")]
public sealed record AuctionExtended(string AuctionId, string ItemId, DateTimeOffset PreviousEnd, DateTimeOffset NewEnd);

[DomainEvent(EventSources.Auctions, "AuctionEnded")]
public sealed record AuctionEnded(string AuctionId, string ItemId, string? WinnerId, long? WinningBid, int TotalBids, bool Sold, DateTimeOffset EndedAt);
