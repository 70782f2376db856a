namespace EcoBid.Server.Auctions;

/// <summary>How a closed auction ended; <see cref="YouWon"/> is set for a signed-in viewer only.</summary>
public sealed record AuctionResultView(bool Sold, long? WinningBid, DateTimeOffset? ClosedAt, bool? YouWon, string? ReservationId);
