namespace EcoBid.Server.Auctions;

/// <summary>
/// One bid as anyone may see it: the bidder's per-auction alias ("bidder 3", numbered by first bid), when, and the
/// visible price after it. Maxima stay secret, except <see cref="YourMaximum"/> on your own bids.
/// </summary>
public sealed record BidHistoryEntry(int Seq, string BidId, string Bidder, string Kind, DateTimeOffset PlacedAt, long PriceAfter, bool You, long? YourMaximum);
