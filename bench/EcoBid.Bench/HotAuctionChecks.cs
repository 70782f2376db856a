using Dapper;
using EcoBid.Server.Auctions;

namespace EcoBid.Bench;

/// <summary>One stored bid of the hot auction, in acceptance order (seq).</summary>
internal sealed record StoredBid(long Seq, string Id, string BidderId, long MaxAmount, long PriceAfter, string? LeaderAfter);

/// <summary>
/// What one hot auction must show after many concurrent bidders, checked against the bidders' own answers: every
/// accepted bid is stored once, at the place in the order its answer gave, none stored that was not accepted, and the
/// price rose with every bid (a leader raising their own maximum is the one bid that leaves it where it was).
/// </summary>
internal static class HotAuctionChecks
{
    public static async Task<List<StoredBid>> StoredBidsAsync(AuctionHost host, string itemId) =>
        [.. await host.Database.ReadAsync(connection => connection.QueryAsync<StoredBid>(
            """
            SELECT b.seq AS Seq, b.id AS Id, b.bidder_id AS BidderId, b.max_amount AS MaxAmount, b.price_after AS PriceAfter,
                   b.leader_after AS LeaderAfter
            FROM bids b JOIN auctions a ON a.id = b.auction_id
            WHERE a.item_id = @itemId ORDER BY b.seq
            """,
            new { itemId }))];

    /// <summary>Adds a line to <paramref name="problems"/> for each way the stored bids disagree with the answers.</summary>
    public static void CheckAccepted(IReadOnlyList<StoredBid> stored, IReadOnlyCollection<BidResponse> answers, List<string> problems)
    {
        // The warm-up's bids are on another auction; every answer here is for this one.
        var byId = stored.ToDictionary(b => b.Id, StringComparer.Ordinal);
        var lost = answers.Count(a => !byId.TryGetValue(a.BidId, out var row) || row.Seq != a.BidCount || row.PriceAfter != a.CurrentPrice);
        if (lost > 0)
        {
            problems.Add($"hot auction: {lost} accepted bid(s) not stored as answered (missing, or at another place or price)");
        }

        var answered = answers.Select(a => a.BidId).ToHashSet(StringComparer.Ordinal);
        var unanswered = stored.Count(b => !answered.Contains(b.Id));
        if (unanswered > 0 || answered.Count != answers.Count)
        {
            problems.Add($"hot auction: {unanswered} stored bid(s) nobody was told were accepted, {answers.Count - answered.Count} answer(s) repeated");
        }

        if (stored.Count > 0 && (stored[0].Seq != 1 || stored[^1].Seq != stored.Count))
        {
            problems.Add($"hot auction: bid numbers run {stored[0].Seq}..{stored[^1].Seq} for {stored.Count} bids (a gap or a repeat)");
        }

        var flat = 0;
        var fallen = 0;
        for (var i = 1; i < stored.Count; i++)
        {
            var (before, bid) = (stored[i - 1], stored[i]);
            var selfRaise = bid.BidderId == before.LeaderAfter && bid.LeaderAfter == bid.BidderId;
            if (bid.PriceAfter < before.PriceAfter)
            {
                fallen++;
            }
            else if (bid.PriceAfter == before.PriceAfter && !selfRaise)
            {
                flat++;
            }
        }

        if (fallen + flat > 0)
        {
            problems.Add($"hot auction: the price fell after {fallen} bid(s) and stood still after {flat} that were not the leader's own raise");
        }
    }
}
