namespace EcoBid.Server.Auctions;

/// <summary>
/// The <c>auction</c> section of an item. Everyone sees the price, the bid count and the effective end; the reserve
/// amount only the seller; <see cref="YourMaximum"/> and <see cref="YouLead"/> only the signed-in bidder they belong to.
/// </summary>
public sealed record AuctionView(
    string AuctionId,
    string Status,
    string Currency,
    long StartPrice,
    long? CurrentPrice,
    long? MinimumBid,
    int BidCount,
    int BidderCount,
    bool HasReserve,
    bool? ReserveMet,
    long? ReservePrice,
    long? BuyNowPrice,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset OriginalEndsAt,
    SoftCloseView SoftClose,
    IReadOnlyList<IncrementStepView> Increments,
    long? YourMaximum,
    bool? YouLead,
    AuctionResultView? Result);
