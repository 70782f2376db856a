using System.Data.Common;
using Dapper;

namespace EcoBid.Server.Auctions;

public static class BidHistoryQuery
{
    public const int MaxLimit = 500;

    /// <summary>The item's latest auction's bids below seq <paramref name="before"/>, newest first; null if the item has no auction.</summary>
    public static async Task<BidHistoryResponse?> ForItemAsync(DbConnection connection, string itemId, string? viewerId, int limit, int? before)
    {
        var auction = await AuctionStore.ForItemAsync(connection, itemId);
        if (auction is null)
        {
            return null;
        }

        var rows = await connection.QueryAsync<HistoryRow>(
            """
            SELECT b.seq, b.id AS BidId, b.bidder_id, b.kind, b.placed_at, b.price_after, b.max_amount, d.alias
            FROM bids b JOIN auction_bidders d ON d.auction_id = b.auction_id AND d.bidder_id = b.bidder_id
            WHERE b.auction_id = @auctionId AND b.seq < @before
            ORDER BY b.seq DESC LIMIT @limit
            """,
            new { auctionId = auction.Id, before = before ?? int.MaxValue, limit });
        var bids = rows.Select(r =>
        {
            var you = viewerId is not null && r.BidderId == viewerId;
            return new BidHistoryEntry(
                r.Seq, r.BidId, $"bidder {r.Alias}", r.Kind, DateTimeOffset.FromUnixTimeMilliseconds(r.PlacedAt), r.PriceAfter, you, you ? r.MaxAmount : null);
        }).ToList();
        var next = bids.Count == limit && bids[^1].Seq > 1 ? bids[^1].Seq : (int?)null;
        return new BidHistoryResponse(auction.Id, auction.ItemId, auction.Currency, auction.BidCount, bids, next);
    }

    private sealed class HistoryRow
    {
        public int Seq { get; init; }
        public required string BidId { get; init; }
        public required string BidderId { get; init; }
        public required string Kind { get; init; }
        public long PlacedAt { get; init; }
        public long PriceAfter { get; init; }
        public long MaxAmount { get; init; }
        public int Alias { get; init; }
    }
}
