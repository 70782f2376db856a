namespace EcoBid.Server.Auctions;

/// <summary>
/// An auction for an item in auction mode. Amounts are whole minor units (cents) of <see cref="Currency"/>; leave out
/// <see cref="Increments"/> and <see cref="SoftClose"/> (or their fields) for the documented defaults.
/// </summary>
public sealed record CreateAuctionRequest(
    long? StartPrice,
    long? ReservePrice,
    long? BuyNowPrice,
    string? Currency,
    long? DurationSeconds,
    List<IncrementStepRequest?>? Increments,
    SoftCloseRequest? SoftClose);
