using System.Data.Common;
using Dapper;
using EcoBid.Domain.Auctions;
using EcoBid.Domain.Events;
using EcoBid.Events.Envelope;
using EcoBid.Events.Storage;
using EcoBid.Events.Timers;
using EcoBid.Server.Events;
using EcoBid.Server.Storage;

namespace EcoBid.Server.Auctions;

/// <summary>
/// Auction rows, bids and bidders, each step inside the caller's transaction. The end timer is created and moved
/// with the row that sets the end, so the timer always names the effective end.
/// </summary>
public sealed class AuctionStore(ITimerStore timers)
{
    public const string BidKind = "bid";
    public const string BuyNowKind = "buy_now";

    private const string Columns =
        "id, item_id, seller_id, currency, start_price, reserve_price, buy_now_price, increments, soft_close_window_ms, soft_close_cap_ms, status, " +
        "starts_at, original_end, effective_end, current_price, leader_id, leader_max, runner_up_max, bid_count, bidder_count, closed_at, sold, " +
        "winner_id, winning_bid, reservation_id, cancelled_at";

    /// <summary>The columns <see cref="AuctionRecord"/> is read from, each qualified with <paramref name="alias"/>.</summary>
    public static string ColumnsOf(string alias) => string.Join(", ", Columns.Split(", ").Select(column => $"{alias}.{column}"));

    public static string EndTimerKey(string auctionId) => $"auction-end:{auctionId}";

    public static Task<AuctionRecord?> FindAsync(DbConnection connection, string auctionId, DbTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<AuctionRecord>($"SELECT {Columns} FROM auctions WHERE id = @auctionId", new { auctionId }, transaction);

    // The open auction comes straight from the one-open-per-item index; only without one is the latest looked for.
    private const string OpenForItemSql = $"SELECT {Columns} FROM auctions WHERE item_id = @itemId AND status = 'open'";
    private const string LatestForItemSql = $"SELECT {Columns} FROM auctions WHERE item_id = @itemId ORDER BY starts_at DESC LIMIT 1";

    /// <summary>The item's open auction, or else its latest one (so a late bid hears that it ended).</summary>
    public static async Task<AuctionRecord?> ForItemAsync(DbConnection connection, string itemId) =>
        await connection.QuerySingleOrDefaultAsync<AuctionRecord>(OpenForItemSql, new { itemId })
        ?? await connection.QuerySingleOrDefaultAsync<AuctionRecord>(LatestForItemSql, new { itemId });

    /// <inheritdoc cref="ForItemAsync(DbConnection, string)"/>
    public static async Task<AuctionRecord?> ForItemAsync(IWriteScope scope, string itemId) =>
        await WriterCommands.FirstOrDefaultAsync<AuctionRecord>(scope, OpenForItemSql, ("@itemId", itemId))
        ?? await WriterCommands.FirstOrDefaultAsync<AuctionRecord>(scope, LatestForItemSql, ("@itemId", itemId));

    /// <summary>The latest auction of each item that has one.</summary>
    public static async Task<IReadOnlyDictionary<string, AuctionRecord>> ForItemsAsync(DbConnection connection, IReadOnlyCollection<string> itemIds)
    {
        if (itemIds.Count == 0)
        {
            return new Dictionary<string, AuctionRecord>();
        }

        var rows = await connection.QueryAsync<AuctionRecord>(SqlLists.For(connection, $"SELECT {Columns} FROM auctions WHERE item_id IN @itemIds ORDER BY starts_at"), new { itemIds });
        var latest = new Dictionary<string, AuctionRecord>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            latest[row.ItemId] = row;
        }

        return latest;
    }

    /// <summary>Opens the auction: its row, its end timer and AuctionCreated, together.</summary>
    public async Task<AuctionRecord> CreateAsync(IWriteScope scope, string itemId, AuctionState state)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(state);
        var terms = state.Terms;
        var auction = new AuctionRecord
        {
            Id = Guid.CreateVersion7(scope.Now).ToString(),
            ItemId = itemId,
            SellerId = state.SellerId,
            Currency = terms.Currency,
            StartPrice = terms.StartPrice,
            ReservePrice = terms.ReservePrice,
            BuyNowPrice = terms.BuyNowPrice,
            Increments = IncrementsJson.Write(terms.Increments),
            SoftCloseWindowMs = (long)terms.SoftClose.Window.TotalMilliseconds,
            SoftCloseCapMs = (long)terms.SoftClose.MaxExtension.TotalMilliseconds,
            Status = AuctionStatus.Open,
            StartsAt = state.StartsAt.ToUnixTimeMilliseconds(),
            OriginalEnd = state.OriginalEnd.ToUnixTimeMilliseconds(),
            EffectiveEnd = state.EffectiveEnd.ToUnixTimeMilliseconds(),
        };
        await scope.Connection.ExecuteAsync(
            """
            INSERT INTO auctions (id, item_id, seller_id, currency, start_price, reserve_price, buy_now_price, increments, soft_close_window_ms,
                                  soft_close_cap_ms, status, starts_at, original_end, effective_end)
            VALUES (@Id, @ItemId, @SellerId, @Currency, @StartPrice, @ReservePrice, @BuyNowPrice, @Increments, @SoftCloseWindowMs,
                    @SoftCloseCapMs, @Status, @StartsAt, @OriginalEnd, @EffectiveEnd)
            """,
            auction,
            scope.Transaction);
        await ScheduleEndAsync(scope, auction.Id, state.EffectiveEnd);
        await scope.PublishAsync(new AuctionCreated(
            auction.Id, itemId, state.SellerId, terms.StartPrice, terms.ReservePrice, terms.BuyNowPrice, terms.Currency, state.StartsAt, state.EffectiveEnd));
        return auction;
    }

    /// <summary>A new bid's id: time-ordered, so bid ids sort as they were placed.</summary>
    public static string NewBidId(DateTimeOffset now) => Guid.CreateVersion7(now).ToString();

    /// <summary>
    /// Records an accepted bid: the bid row, the auction's new state, the bidder's alias and maximum, BidPlaced, and
    /// when the end moved, the moved timer and AuctionExtended; with <paramref name="alongside"/> (the request's stored
    /// answer) in the same round trip.
    /// </summary>
    public async Task RecordBidAsync(
        IWriteScope scope, AuctionRecord auction, BidOutcome outcome, string bidId, string bidderId, long maxAmount, string kind, params SqlWrite[] alongside)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(auction);
        ArgumentNullException.ThrowIfNull(outcome);
        var after = outcome.After;
        var now = scope.Now.ToUnixTimeMilliseconds();
        var end = after.EffectiveEnd.ToUnixTimeMilliseconds();
        var events = new List<EventEnvelope>(2);
        if (outcome.Extended)
        {
            await ScheduleEndAsync(scope, auction.Id, after.EffectiveEnd);
            events.Add(DomainEventPublishing.Envelope(new AuctionExtended(auction.Id, auction.ItemId, outcome.Before.EffectiveEnd, after.EffectiveEnd), scope.Now));
        }

        events.Add(DomainEventPublishing.Envelope(
            new BidPlaced(
                auction.Id, auction.ItemId, bidId, bidderId, after.Price!.Value, after.LeaderId!, after.BidCount, AuctionTime.Of(scope.Now), auction.Currency,
                outcome.Before.LeaderId, after.EffectiveEnd),
            scope.Now));

        await scope.WriteAllAsync(
            [
                new SqlWrite(
                    """
                    INSERT INTO bids (auction_id, seq, id, bidder_id, max_amount, kind, placed_at, price_after, leader_after, end_after)
                    VALUES (@auctionId, @seq, @bidId, @bidderId, @maxAmount, @kind, @now, @price, @leader, @end)
                    """,
                    ("@auctionId", auction.Id), ("@seq", after.BidCount), ("@bidId", bidId), ("@bidderId", bidderId), ("@maxAmount", maxAmount), ("@kind", kind),
                    ("@now", now), ("@price", after.Price), ("@leader", after.LeaderId), ("@end", end)),

                // The bidder count grows by one for a bidder not yet among auction_bidders, so it is counted before the
                // bidder's row is written below.
                new SqlWrite(
                    """
                    UPDATE auctions SET current_price = @price, leader_id = @leader, leader_max = @leaderMax, runner_up_max = @runnerUpMax, bid_count = @bidCount,
                                        bidder_count = bidder_count + CASE WHEN EXISTS (SELECT 1 FROM auction_bidders WHERE auction_id = @id AND bidder_id = @bidderId) THEN 0 ELSE 1 END,
                                        effective_end = @end
                    WHERE id = @id
                    """,
                    ("@price", after.Price), ("@leader", after.LeaderId), ("@leaderMax", after.LeaderMax), ("@runnerUpMax", after.RunnerUpMax),
                    ("@bidCount", after.BidCount), ("@id", auction.Id), ("@bidderId", bidderId), ("@end", end)),

                // A new bidder gets the next alias (the auction's lock makes the count read above current); a known one
                // keeps theirs. The old row's columns are named with the table: PostgreSQL finds a bare name ambiguous beside excluded's.
                new SqlWrite(
                    """
                    INSERT INTO auction_bidders (auction_id, bidder_id, alias, max_amount, bids, first_bid_at, last_bid_at)
                    VALUES (@auctionId, @bidderId, @nextAlias, @maxAmount, 1, @now, @now)
                    ON CONFLICT (auction_id, bidder_id) DO UPDATE SET max_amount = CASE WHEN excluded.max_amount > auction_bidders.max_amount THEN excluded.max_amount ELSE auction_bidders.max_amount END, bids = auction_bidders.bids + 1, last_bid_at = excluded.last_bid_at
                    """,
                    ("@auctionId", auction.Id), ("@bidderId", bidderId), ("@nextAlias", auction.BidderCount + 1), ("@maxAmount", maxAmount), ("@now", now)),
                .. alongside,
            ],
            events);
    }

    /// <summary>Withdraws an auction nobody has bid on: cancelled, its timer gone, AuctionCancelled.</summary>
    public async Task CancelAsync(IWriteScope scope, AuctionRecord auction)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(auction);
        await scope.Connection.ExecuteAsync(
            "UPDATE auctions SET status = @cancelled, cancelled_at = @now WHERE id = @id",
            new { cancelled = AuctionStatus.Cancelled, now = scope.Now.ToUnixTimeMilliseconds(), id = auction.Id },
            scope.Transaction);
        await timers.CancelAsync(scope, EndTimerKey(auction.Id));
        await scope.PublishAsync(new AuctionCancelled(auction.Id, auction.ItemId, auction.SellerId, scope.Now));
    }

    /// <summary>
    /// Before the owner withdraws the item: an open auction without bids is cancelled with it; one with bids keeps
    /// the item listed. Returns why the item cannot be withdrawn, or null.
    /// </summary>
    public async Task<string?> ReleaseForWithdrawalAsync(IWriteScope scope, string itemId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (await ForItemAsync(scope, itemId) is not { Status: AuctionStatus.Open } auction)
        {
            return null;
        }

        if (auction.BidCount > 0)
        {
            return $"The item's auction has {auction.BidCount} bid(s); it cannot be withdrawn once anyone has bid.";
        }

        await CancelAsync(scope, auction);
        return null;
    }

    /// <summary>Whether the item is under an open auction that has bids (its listing is then fixed).</summary>
    public static async Task<bool> HasLiveBidsAsync(IWriteScope scope, string itemId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return await scope.Connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM auctions WHERE item_id = @itemId AND status = 'open' AND bid_count > 0", new { itemId }, scope.Transaction) > 0;
    }

    public Task CancelEndTimerAsync(IWriteScope scope, string auctionId) => timers.CancelAsync(scope, EndTimerKey(auctionId));

    private async Task ScheduleEndAsync(IWriteScope scope, string auctionId, DateTimeOffset end)
    {
        var due = DomainEventPublishing.Envelope(new AuctionEndDue(auctionId, end), scope.Now);
        await timers.ScheduleAsync(scope, new ScheduledTimer(EndTimerKey(auctionId), end, due.ToJson()));
    }
}
