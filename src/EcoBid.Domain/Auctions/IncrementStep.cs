namespace EcoBid.Domain.Auctions;

/// <summary>From a price of <paramref name="From"/> (minor units) upwards, bids rise by at least <paramref name="Increment"/>.</summary>
public sealed record IncrementStep(long From, long Increment);
