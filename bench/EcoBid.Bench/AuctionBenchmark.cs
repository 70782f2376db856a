using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Claims;
using Dapper;
using EcoBid.Server.Storage;

namespace EcoBid.Bench;

internal sealed record AuctionBenchResult(
    string Store,
    int Bidders,
    int Attempts,
    int Accepted,
    TimeSpan Elapsed,
    TimeSpan Cpu,
    LatencySummary BidLatency,
    int Closed,
    LatencySummary CloseLatency,
    IReadOnlyList<string> Problems)
{
    public double AcceptedPerSecond => Accepted / Elapsed.TotalSeconds;

    public double AttemptsPerSecond => Attempts / Elapsed.TotalSeconds;

    public double CpuMicrosecondsPerBid => Cpu.TotalMicroseconds / Attempts;

    public bool Ok => Problems.Count == 0;
}

/// <summary>The bids of one run: every call's latency and the answers of the accepted ones.</summary>
internal sealed record BidRun(int Attempts, int Accepted, TimeSpan Elapsed, List<double> Latencies, List<EcoBid.Server.Auctions.BidResponse> Answers);

/// <summary>
/// One hot auction: many bidders bid on it at once through the bid endpoint's handler (idempotency key, read, decide,
/// write, BidPlaced, in one write transaction each), with the relay and every consumer running behind. Then many
/// auctions end at nearly the same moment, and each close is timed from its effective end to its commit.
/// </summary>
internal static class AuctionBenchmark
{
    public const int Bidders = 64;
    public const double TargetAcceptedPerSecond = 5_000;
    public const int ClosingAuctions = 200;

    /// <summary>
    /// Bids take tickets from one rising sequence, this far apart: more than twice the largest default increment, so
    /// a bid overtaken in the write queue by a few later ones still clears the price and is accepted as a runner-up.
    /// </summary>
    private const long TicketStep = 250_00;

    /// <summary>The run on the embedded store, or with <paramref name="onPostgres"/> on a fresh PostgreSQL schema.</summary>
    public static async Task<AuctionBenchResult> RunAsync(BenchOptions options, bool onPostgres, CancellationToken cancellationToken)
    {
        await using var schema = onPostgres ? await BenchSchema.CreateAsync(options, "auction", cancellationToken) : null;
        await using var host = await AuctionHost.StartAsync(options, schema, "all", cancellationToken);
        var seller = (await host.PeopleAsync("seller", 1))[0];
        var bidders = await host.PeopleAsync("bidder", Bidders);

        var warm = await host.AuctionAsync(seller, 0, TimeSpan.FromHours(1), cancellationToken);
        await BidAsync([host], warm, bidders, int.MaxValue, options.WarmupTime, cancellationToken);

        var hot = await host.AuctionAsync(seller, 1, TimeSpan.FromHours(1), cancellationToken);
        var attempts = options.Events * 4;
        var cpu = ProcessCpu.Now();
        var run = await BidAsync([host], hot, bidders, attempts, TimeSpan.MaxValue, cancellationToken);
        cpu = ProcessCpu.Now() - cpu;

        var problems = new List<string>();
        await CheckHotAuctionAsync(host, hot, run.Accepted, problems);
        HotAuctionChecks.CheckAccepted(await HotAuctionChecks.StoredBidsAsync(host, hot), run.Answers, problems);
        await WaitForIdleAsync(host, options.Timeout, cancellationToken);
        var closes = await CloseManyAsync(host, seller, bidders, options.Timeout, problems, cancellationToken);
        return new AuctionBenchResult(onPostgres ? "PostgreSQL" : "SQLite", Bidders, run.Attempts, run.Accepted, run.Elapsed, cpu, LatencySummary.Of(run.Latencies), closes.Count, LatencySummary.Of(closes), problems);
    }

    /// <summary>
    /// Every bidder bids in a loop until <paramref name="attempts"/> bids are made or <paramref name="duration"/> is
    /// over; bidder i sends through host i mod the number of hosts. Latencies are those of all bids, accepted or not.
    /// </summary>
    public static async Task<BidRun> BidAsync(
        IReadOnlyList<AuctionHost> hosts, string itemId, IReadOnlyList<ClaimsPrincipal> bidders, int attempts, TimeSpan duration, CancellationToken cancellationToken)
    {
        var latencies = new ConcurrentBag<double>();
        var answers = new ConcurrentBag<EcoBid.Server.Auctions.BidResponse>();
        var made = 0;
        var accepted = 0;
        var ticket = 0L;
        var started = Stopwatch.GetTimestamp();
        async Task Bidder(AuctionHost host, ClaimsPrincipal bidder)
        {
            while (Interlocked.Increment(ref made) <= attempts && Stopwatch.GetElapsedTime(started) < duration)
            {
                var amount = Interlocked.Add(ref ticket, TicketStep);
                var sent = Stopwatch.GetTimestamp();
                if (await host.BidAsync(itemId, bidder, amount, cancellationToken) is { } answer)
                {
                    Interlocked.Increment(ref accepted);
                    answers.Add(answer);
                }

                latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }
        }

        await Task.WhenAll(bidders.Select((b, i) => Task.Run(() => Bidder(hosts[i % hosts.Count], b), cancellationToken)));
        return new BidRun(latencies.Count, accepted, Stopwatch.GetElapsedTime(started), [.. latencies], [.. answers]);
    }

    internal static async Task CheckHotAuctionAsync(AuctionHost host, string itemId, int accepted, List<string> problems)
    {
        var (bidCount, stored, fallen) = await host.Database.ReadAsync(connection => connection.QuerySingleAsync<(long, long, long)>(
            """
            SELECT a.bid_count,
                   (SELECT COUNT(*) FROM bids WHERE auction_id = a.id),
                   (SELECT COUNT(*) FROM bids b JOIN bids p ON p.auction_id = b.auction_id AND p.seq = b.seq - 1
                    WHERE b.auction_id = a.id AND b.price_after < p.price_after)
            FROM auctions a WHERE a.item_id = @itemId
            """,
            new { itemId }));
        if (bidCount != accepted || stored != accepted)
        {
            problems.Add($"hot auction: {accepted} bids accepted, but bid_count {bidCount} and {stored} bids stored");
        }

        if (fallen > 0)
        {
            problems.Add($"hot auction: the price fell after {fallen} bid(s)");
        }
    }

    /// <summary>Waits until the relay and consumers have drained the bids' events, so the closes are timed on a quiet pipeline.</summary>
    private static async Task WaitForIdleAsync(AuctionHost host, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (await host.Database.ReadAsync(c => c.ExecuteScalarAsync<long>(
            "SELECT (SELECT COUNT(*) FROM outbox) + (SELECT COUNT(*) FROM queue_messages WHERE dead_lettered_at IS NULL)"), cancellationToken) > 0)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException("The pipeline did not drain the bids' events in time.");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>
    /// Opens <see cref="ClosingAuctions"/> three-second auctions back to back, one bid on each (so each close sells:
    /// the reservation, AuctionEnded, AuctionWon, AuctionLost), and measures end → close commit for every one.
    /// </summary>
    private static async Task<List<double>> CloseManyAsync(
        AuctionHost host, ClaimsPrincipal seller, IReadOnlyList<ClaimsPrincipal> bidders, TimeSpan timeout, List<string> problems, CancellationToken cancellationToken)
    {
        var items = new List<string>();
        for (var i = 0; i < ClosingAuctions; i++)
        {
            var itemId = await host.AuctionAsync(seller, 10 + i, TimeSpan.FromSeconds(3), cancellationToken);
            await host.BidAsync(itemId, bidders[i % bidders.Count], 5_00, cancellationToken);
            await host.BidAsync(itemId, bidders[(i + 1) % bidders.Count], 3_00, cancellationToken);
            items.Add(itemId);
        }

        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var open = await host.Database.ReadAsync(
                c => c.ExecuteScalarAsync<long>(SqlLists.For(c, "SELECT COUNT(*) FROM auctions WHERE item_id IN @items AND status = 'open'"), new { items }), cancellationToken);
            if (open == 0)
            {
                break;
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                problems.Add($"closes: {open} auction(s) still open long after their end");
                break;
            }

            await Task.Delay(100, cancellationToken);
        }

        var rows = (await host.Database.ReadAsync(c => c.QueryAsync<(long End, long? Closed, long? Sold)>(
            SqlLists.For(c, "SELECT effective_end, closed_at, sold FROM auctions WHERE item_id IN @items"), new { items }), cancellationToken)).ToList();
        var unsold = rows.Count(r => r.Sold != 1);
        if (unsold > 0)
        {
            problems.Add($"closes: {unsold} of {rows.Count} auctions did not sell (their bids came too late?)");
        }

        return [.. rows.Where(r => r.Closed is not null).Select(r => (double)(r.Closed!.Value - r.End))];
    }
}
