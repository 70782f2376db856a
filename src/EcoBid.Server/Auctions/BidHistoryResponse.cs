namespace EcoBid.Server.Auctions;

/// <summary>A page of an auction's bids, newest first; pass <see cref="NextBefore"/> as <c>before</c> for the next page.</summary>
public sealed record BidHistoryResponse(string AuctionId, string ItemId, string Currency, int BidCount, List<BidHistoryEntry> Bids, int? NextBefore);
