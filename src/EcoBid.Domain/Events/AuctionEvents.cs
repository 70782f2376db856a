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

/// <summary>
/// An accepted bid. <c>CurrentPrice</c> is the visible price after it, <c>EndsAt</c> the effective end after it;
/// <c>PreviousLeaderId</c> differs from <c>LeaderId</c> when the bid outbid someone (who may want to hear of it).
/// </summary>
[DomainEvent(EventSources.Auctions, "BidPlaced")]
public sealed record BidPlaced(
    string AuctionId,
    string ItemId,
    string BidId,
    string BidderId,
    long CurrentPrice,
    string LeaderId,
    int BidCount,
    DateTimeOffset PlacedAt,
    string Currency,
    string? PreviousLeaderId,
    DateTimeOffset EndsAt);

[DomainEvent(EventSources.Auctions, "AuctionExtended")]
public sealed record AuctionExtended(string AuctionId, string ItemId, DateTimeOffset PreviousEnd, DateTimeOffset NewEnd);

/// <summary>
/// The auction closed. Unsold (no bids, or the reserve not met) has no winner, and <c>UnsoldReason</c> says why
/// (<c>no_bids</c> or <c>reserve_not_met</c>); a sale names the pickup reservation it created. <c>EndedAt</c> is the
/// effective end (the buy-now instant for a buy-now); the envelope's time is when the close committed.
/// </summary>
[DomainEvent(EventSources.Auctions, "AuctionEnded")]
public sealed record AuctionEnded(
    string AuctionId,
    string ItemId,
    string? WinnerId,
    long? WinningBid,
    int TotalBids,
    bool Sold,
    DateTimeOffset EndedAt,
    string SellerId,
    string Currency,
    string? UnsoldReason = null,
    string? ReservationId = null);

/// <summary>To the winner, with the pickup reservation the win created.</summary>
[DomainEvent(EventSources.Auctions, "AuctionWon")]
public sealed record AuctionWon(
    string AuctionId,
    string ItemId,
    string WinnerId,
    string SellerId,
    long Amount,
    string Currency,
    string ReservationId,
    bool BoughtNow,
    DateTimeOffset EndedAt);

/// <summary>
/// To each bidder who did not win: <c>Reason</c> is <c>outbid</c> (someone else won) or <c>reserve_not_met</c> (nobody
/// did); <c>WasLeading</c> marks the top bidder of an auction that ended unsold.
/// </summary>
[DomainEvent(EventSources.Auctions, "AuctionLost")]
public sealed record AuctionLost(
    string AuctionId,
    string ItemId,
    string BidderId,
    long YourMaximum,
    long? WinningBid,
    string Currency,
    string Reason,
    DateTimeOffset EndedAt,
    bool WasLeading = false);

[DomainEvent(EventSources.Auctions, "AuctionCancelled")]
public sealed record AuctionCancelled(string AuctionId, string ItemId, string SellerId, DateTimeOffset CancelledAt);

/// <summary>The auction-end timer's event: the end it was set for; the auction closes if that is still its end.</summary>
[DomainEvent(EventSources.Auctions, "AuctionEndDue")]
public sealed record AuctionEndDue(string AuctionId, DateTimeOffset EndsAt);
