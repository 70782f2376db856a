namespace EcoBid.Domain.Auctions;

/// <summary>What the seller set, validated. Amounts are minor units (cents) of <see cref="Currency"/>.</summary>
public sealed record AuctionTerms(
    long StartPrice,
    long? ReservePrice,
    long? BuyNowPrice,
    string Currency,
    TimeSpan Duration,
    IncrementTable Increments,
    SoftCloseRule SoftClose);
