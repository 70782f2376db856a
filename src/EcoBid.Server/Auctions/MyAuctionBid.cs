using System.Data.Common;
using Dapper;
using EcoBid.Domain.Auctions;

namespace EcoBid.Server.Auctions;

/// <summary>An auction you bid on, as you see it: your maximum, whether you lead, and how it ended.</summary>
public sealed record MyAuctionBid(
    string AuctionId,
    string ItemId,
    string Title,
    string Status,
    string Currency,
    long? CurrentPrice,
    long YourMaximum,
    bool Leading,
    int YourBids,
    int BidCount,
    DateTimeOffset EndsAt,
    DateTimeOffset LastBidAt,
    bool? Won)
{
    public const int MaxListed = 200;

    public static async Task<List<MyAuctionBid>> ForBidderAsync(DbConnection connection, string bidderId, DateTimeOffset now)
    {
        var rows = await connection.QueryAsync<Row>(
            """
            SELECT a.id AS AuctionId, a.item_id, i.title, a.status, a.currency, a.current_price, d.max_amount, a.leader_id, d.bids,
                   a.bid_count, a.effective_end, d.last_bid_at, a.winner_id
            FROM auction_bidders d JOIN auctions a ON a.id = d.auction_id JOIN items i ON i.id = a.item_id
            WHERE d.bidder_id = @bidderId
            ORDER BY d.last_bid_at DESC LIMIT @max
            """,
            new { bidderId, max = MaxListed });
        return [.. rows.Select(r => new MyAuctionBid(
            r.AuctionId, r.ItemId, r.Title, r.Status == AuctionStatus.Open && now.ToUnixTimeMilliseconds() >= r.EffectiveEnd ? AuctionViews.Closing : r.Status,
            r.Currency, r.CurrentPrice, r.MaxAmount, r.LeaderId == bidderId, r.Bids, r.BidCount,
            DateTimeOffset.FromUnixTimeMilliseconds(r.EffectiveEnd), DateTimeOffset.FromUnixTimeMilliseconds(r.LastBidAt),
            r.Status == AuctionStatus.Ended ? r.WinnerId == bidderId : null))];
    }

    private sealed class Row
    {
        public required string AuctionId { get; init; }
        public required string ItemId { get; init; }
        public required string Title { get; init; }
        public required string Status { get; init; }
        public required string Currency { get; init; }
        public long? CurrentPrice { get; init; }
        public long MaxAmount { get; init; }
        public string? LeaderId { get; init; }
        public int Bids { get; init; }
        public int BidCount { get; init; }
        public long EffectiveEnd { get; init; }
        public long LastBidAt { get; init; }
        public string? WinnerId { get; init; }
    }
}
