namespace EcoBid.Domain.Auctions;

/// <summary>A step of a seller's own increment table, unchecked; null means not given.</summary>
public sealed record NewIncrementStep(long? From, long? Increment);
