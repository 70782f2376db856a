namespace EcoBid.Domain.Auctions;

/// <summary>A bidder's maximum (minor units), at the instant the single writer takes it.</summary>
public sealed record BidAttempt(string BidderId, long MaxAmount, DateTimeOffset At);
