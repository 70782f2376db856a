namespace EcoBid.Server.Auctions;

/// <summary>From a price of <see cref="From"/> upwards, bids rise by at least <see cref="Increment"/> (minor units).</summary>
public sealed record IncrementStepRequest(long? From, long? Increment);
