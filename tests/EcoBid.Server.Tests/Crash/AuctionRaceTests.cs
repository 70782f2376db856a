using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using EcoBid.Domain.Auctions;
using EcoBid.Server.Tests.Auctions;
using EcoBid.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace EcoBid.Server.Tests.Crash;

/// <summary>
/// Invariant 3 under contention, against the real executable: 64 people bid on one auction as fast as they can,
/// through its soft-close extensions and past its end. Every accepted bid raised the price (or the leader's own
/// maximum), none was lost, none was accepted at or after the effective end, and replaying the accepted bids one by
/// one through the domain's <see cref="AuctionBook"/> arrives at exactly the state the server stored.
/// </summary>
[Trait("Category", "Crash")]
public sealed class AuctionRaceTests(ITestOutputHelper output)
{
    private const int Bidders = 64;
    // Long enough that the 64 bidders get more than one accepted bid each on average even on a loaded machine (a run
    // beside the web tests once saw 59 accepted bids in 6 s).
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(12);
    private static readonly SoftCloseRule SoftClose = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));

    [Fact]
    public async Task Sixty_four_concurrent_bidders_leave_a_state_equal_to_a_sequential_replay_of_the_accepted_bids()
    {
        await using var server = ServerProcess.Create(new Dictionary<string, string>
        {
            ["Auth__PasswordIterations"] = "1000",
            ["Auctions__MinDuration"] = "00:00:01",
            ["RateLimits__PerUserPerSecond"] = "100000",
        });
        await server.StartAsync();
        var mail = Path.Combine(server.DataDirectory, "mail");
        using var anonymous = server.CreateClient(TimeSpan.FromSeconds(60));
        var seller = await AccountFlow.SignUpAsync(anonymous, mail, displayName: "Seller");
        var bidders = new List<(TestUser User, HttpClient Client)>();
        foreach (var batch in Enumerable.Range(0, Bidders).Chunk(16))
        {
            var signed = await Task.WhenAll(batch.Select(i => AccountFlow.SignUpAsync(anonymous, mail, displayName: $"Bidder {i}")));
            bidders.AddRange(signed.Select(user => (user, server.CreateClient(TimeSpan.FromSeconds(60)).Authorize(user.AccessToken))));
        }

        using var sellerClient = server.CreateClient().Authorize(seller.AccessToken);
        var itemId = await sellerClient.AuctionItemAsync(AuctionSteps.Terms(
            startPrice: 1_00, durationSeconds: (long)Duration.TotalSeconds,
            softClose: new { windowSeconds = (long)SoftClose.Window.TotalSeconds, maxExtensionSeconds = (long)SoftClose.MaxExtension.TotalSeconds }));

        var attempts = new ConcurrentBag<Attempt>();
        using var start = new SemaphoreSlim(0);
        var loops = bidders.Select((bidder, i) => BidUntilClosedAsync(bidder.User.Id, bidder.Client, itemId, new Random(i), start, attempts)).ToList();
        start.Release(Bidders);
        await Task.WhenAll(loops);
        await WaitUntilEndedAsync(sellerClient, itemId);
        await server.StopAsync();

        var statuses = attempts.GroupBy(a => a.Status).ToDictionary(g => g.Key, g => g.Count());
        statuses.Keys.ShouldBeSubsetOf([HttpStatusCode.Created, HttpStatusCode.Conflict], string.Join(", ", statuses));
        var accepted = attempts.Where(a => a.Status == HttpStatusCode.Created).ToDictionary(a => a.BidId!);
        accepted.Count.ShouldBeGreaterThan(Bidders);
        output.WriteLine($"{attempts.Count} bids sent: {string.Join(", ", statuses.Select(s => $"{s.Value} {(int)s.Key}"))}");

        DefaultTypeMap.MatchNamesWithUnderscores = true;
        await using var connection = new SqliteConnection($"Data Source={server.DatabasePath};Pooling=False");
        var auction = await connection.QuerySingleAsync<StoredAuction>(
            "SELECT id, seller_id, starts_at, original_end, effective_end, current_price, leader_id, leader_max, runner_up_max, bid_count, bidder_count, closed_at, winner_id, winning_bid FROM auctions");
        var bids = (await connection.QueryAsync<StoredBid>(
            "SELECT id, seq, bidder_id, max_amount, placed_at, price_after, leader_after, end_after FROM bids ORDER BY seq")).ToList();

        // None lost, none invented: the accepted answers and the stored bids are the same set, numbered 1..n.
        bids.Select(b => b.Id).ShouldBe(accepted.Keys, ignoreOrder: true);
        bids.Select(b => b.Seq).ShouldBe(Enumerable.Range(1, bids.Count).Select(n => (long)n));
        auction.BidCount.ShouldBe(bids.Count);

        // Each bidder counted once, with an alias of their own numbered from 1.
        var distinctBidders = bids.Select(b => b.BidderId).Distinct().Count();
        auction.BidderCount.ShouldBe(distinctBidders);
        (await connection.QueryAsync<long>("SELECT alias FROM auction_bidders ORDER BY alias")).ShouldBe(Enumerable.Range(1, distinctBidders).Select(n => (long)n));

        // None at or after the effective end, and the close came at or after it.
        bids.ShouldAllBe(b => b.PlacedAt < auction.EffectiveEnd);
        auction.ClosedAt!.Value.ShouldBeGreaterThanOrEqualTo(auction.EffectiveEnd);
        auction.EffectiveEnd.ShouldBeGreaterThan(auction.OriginalEnd, "bids in the last second should have extended the auction");
        auction.EffectiveEnd.ShouldBeLessThanOrEqualTo(auction.OriginalEnd + (long)SoftClose.MaxExtension.TotalMilliseconds);
        attempts.Where(a => a.AfterEnd).ShouldAllBe(a => a.Status == HttpStatusCode.Conflict);

        // The sequential replay: each stored bid, in commit order, through the same pure function.
        var terms = new AuctionTerms(1_00, null, null, "PLN", Duration, IncrementTable.Default, SoftClose);
        var state = AuctionBook.Open(terms, auction.SellerId, DateTimeOffset.FromUnixTimeMilliseconds(auction.StartsAt));
        foreach (var bid in bids)
        {
            var outcome = AuctionBook.Apply(state, new BidAttempt(bid.BidderId, bid.MaxAmount, DateTimeOffset.FromUnixTimeMilliseconds(bid.PlacedAt)));
            outcome.Refusal.ShouldBeNull($"bid {bid.Seq} was accepted by the server but the replay refuses it");
            if (bid.BidderId == state.LeaderId)
            {
                outcome.After.LeaderMax!.Value.ShouldBeGreaterThan(state.LeaderMax!.Value, $"bid {bid.Seq}: a leader's raise raises their maximum");
            }
            else
            {
                outcome.PriceRaised.ShouldBeTrue($"bid {bid.Seq} was accepted without raising the price");
            }

            state = outcome.After;
            state.Price.ShouldBe(bid.PriceAfter, $"price after bid {bid.Seq}");
            state.LeaderId.ShouldBe(bid.LeaderAfter, $"leader after bid {bid.Seq}");
            state.EffectiveEnd.ToUnixTimeMilliseconds().ShouldBe(bid.EndAfter, $"end after bid {bid.Seq}");
            accepted[bid.Id].CurrentPrice.ShouldBe(bid.PriceAfter, $"the answer to bid {bid.Seq}");
        }

        state.Price.ShouldBe(auction.CurrentPrice);
        state.LeaderId.ShouldBe(auction.LeaderId);
        state.LeaderMax.ShouldBe(auction.LeaderMax);
        state.RunnerUpMax.ShouldBe(auction.RunnerUpMax);
        state.BidCount.ShouldBe(auction.BidCount);
        state.EffectiveEnd.ToUnixTimeMilliseconds().ShouldBe(auction.EffectiveEnd);
        var result = AuctionBook.Close(state, state.EffectiveEnd)!;
        auction.WinnerId.ShouldBe(result.WinnerId);
        auction.WinningBid.ShouldBe(result.WinningBid);

        (await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM (SELECT envelope FROM outbox UNION ALL SELECT envelope FROM event_archive) AS events WHERE json_extract(envelope, '$.detail-type') = 'BidPlaced'"))
            .ShouldBe(bids.Count);
        (await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM (SELECT envelope FROM outbox UNION ALL SELECT envelope FROM event_archive) AS events WHERE json_extract(envelope, '$.detail-type') = 'AuctionEnded'"))
            .ShouldBe(1);
        foreach (var (_, client) in bidders)
        {
            client.Dispose();
        }
    }

    /// <summary>
    /// Bids from the least acceptable amount the last answer named, sometimes a little above it, until the auction
    /// says it has ended; then once more, which must be refused too.
    /// </summary>
    private static async Task BidUntilClosedAsync(string bidderId, HttpClient client, string itemId, Random random, SemaphoreSlim start, ConcurrentBag<Attempt> attempts)
    {
        await start.WaitAsync();
        var minimum = 1_00L;
        var ended = false;
        for (var tries = 0; tries < 2_000; tries++)
        {
            var max = minimum + (random.Next(4) == 0 ? random.Next(1, 40) * 5 : 0);
            using var response = await client.BidAsync(itemId, max);
            var body = await response.ReadJsonAsync();
            var attempt = new Attempt(bidderId, max, response.StatusCode, ended);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                attempt = attempt with { BidId = body.GetProperty("bidId").GetString(), CurrentPrice = body.GetProperty("currentPrice").GetInt64() };
                minimum = body.GetProperty("minimumNextBid").GetInt64();
            }
            else if (response.StatusCode != HttpStatusCode.Conflict)
            {
                attempts.Add(attempt); // anything but 201 or 409 fails the test; no point going on
                return;
            }
            else if (body.TryGetProperty("minimumAmount", out var least))
            {
                minimum = least.GetInt64();
            }
            else if (ended)
            {
                attempts.Add(attempt);
                return;
            }
            else
            {
                ended = true;
            }

            attempts.Add(attempt);
        }

        throw new InvalidOperationException($"Bidder {bidderId} never saw the auction end.");
    }

    private static async Task WaitUntilEndedAsync(HttpClient client, string itemId)
    {
        for (var i = 0; i < 300; i++)
        {
            if ((await client.AuctionOfAsync(itemId)).GetProperty("status").GetString() == "ended")
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The auction was not closed within 15 s of the last bid.");
    }

    private sealed record Attempt(string BidderId, long MaxAmount, HttpStatusCode Status, bool AfterEnd, string? BidId = null, long? CurrentPrice = null);

    private sealed class StoredAuction
    {
        public required string Id { get; init; }
        public required string SellerId { get; init; }
        public long StartsAt { get; init; }
        public long OriginalEnd { get; init; }
        public long EffectiveEnd { get; init; }
        public long? CurrentPrice { get; init; }
        public string? LeaderId { get; init; }
        public long? LeaderMax { get; init; }
        public long? RunnerUpMax { get; init; }
        public int BidCount { get; init; }
        public int BidderCount { get; init; }
        public long? ClosedAt { get; init; }
        public string? WinnerId { get; init; }
        public long? WinningBid { get; init; }
    }

    private sealed class StoredBid
    {
        public required string Id { get; init; }
        public long Seq { get; init; }
        public required string BidderId { get; init; }
        public long MaxAmount { get; init; }
        public long PlacedAt { get; init; }
        public long PriceAfter { get; init; }
        public required string LeaderAfter { get; init; }
        public long EndAfter { get; init; }
    }
}
