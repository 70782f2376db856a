namespace EcoBid.Domain.Auctions;

/// <summary>
/// What a seller gives when putting an item up for auction, unchecked; null means not given (and, for the increments
/// and soft-close settings, take the documented default).
/// </summary>
public sealed record NewAuction(
    long? StartPrice,
    long? ReservePrice,
    long? BuyNowPrice,
    string? Currency,
    long? DurationSeconds,
    IReadOnlyList<NewIncrementStep?>? Increments,
    long? SoftCloseWindowSeconds,
    long? SoftCloseMaxExtensionSeconds);
