using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Dapper;
using EcoBid.Events.Storage;
using Spectre.Console;

namespace EcoBid.Bench;

/// <summary>
/// The hot auction as a cluster runs it: two api hosts and one worker host in this process, each the server's own
/// composition with <c>Storage=postgres</c> on one fresh schema (as separate processes on one database would be; each
/// host has its own connection pool), and N bidders split across the two api hosts, all bidding on one auction through
/// the bid endpoint's handler. Bids on one item take turns on its advisory lock (<c>item:{id}</c>), so the rate is
/// bounded by how long one bid holds that lock; the run also measures that floor alone (lock, one insert, commit).
/// </summary>
internal static class HotAuctionClusterBenchmark
{
    public const double TargetAcceptedPerSecond = 2_000;
    private const int ApiHosts = 2;
    private const long TicketStep = 250_00;

    public static async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        if (options.Postgres is null)
        {
            throw new ArgumentException("--scenario hot-auction-cluster needs --postgres CS.");
        }

        await using var schema = await BenchSchema.CreateAsync(options, "hot_cluster", cancellationToken);
        var settings = await SettingsAsync(schema, cancellationToken);
        var apis = new List<AuctionHost>();
        AuctionHost? worker = null;
        try
        {
            // The first host migrates the schema; the others find it done (the migration takes an advisory lock anyway).
            for (var i = 0; i < ApiHosts; i++)
            {
                apis.Add(await AuctionHost.StartAsync(options, schema, "api", cancellationToken));
            }

            worker = await AuctionHost.StartAsync(options, schema, "worker", cancellationToken);
            var seller = (await apis[0].PeopleAsync("seller", 1))[0];
            var bidders = await apis[0].PeopleAsync("bidder", options.Bidders);

            Progress($"warm-up auction, {options.WarmupTime.TotalSeconds:0} s");
            var warm = await apis[0].AuctionAsync(seller, 0, TimeSpan.FromHours(1), cancellationToken);
            await AuctionBenchmark.BidAsync(apis, warm, bidders, int.MaxValue, options.WarmupTime, cancellationToken);

            Progress($"hot auction, {options.Bidders} bidders over {ApiHosts} api hosts, {options.LatencyDuration.TotalSeconds:0} s");
            var hot = await apis[1].AuctionAsync(seller, 1, TimeSpan.FromHours(1), cancellationToken);
            var cpu = ProcessCpu.Now();
            var run = await AuctionBenchmark.BidAsync(apis, hot, bidders, int.MaxValue, options.LatencyDuration, cancellationToken);
            cpu = ProcessCpu.Now() - cpu;

            var problems = new List<string>();
            await AuctionBenchmark.CheckHotAuctionAsync(apis[0], hot, run.Accepted, problems);
            HotAuctionChecks.CheckAccepted(await HotAuctionChecks.StoredBidsAsync(apis[0], hot), run.Answers, problems);

            Progress("floor: lock, one insert, commit, on one key");
            var floor = await LockFloorAsync(apis[0].Database, options.Bidders, options.LatencyDuration / 2, cancellationToken);
            Write(options, settings, run, cpu, floor, problems);
            return problems.Count == 0 ? 0 : 1;
        }
        finally
        {
            foreach (var host in apis)
            {
                await host.DisposeAsync();
            }

            if (worker is not null)
            {
                await worker.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// What the item lock alone allows: writers on one key, each transaction the lock, one small insert (so the
    /// commit writes and flushes WAL, as a bid's does) and the commit; nothing else holds the lock.
    /// </summary>
    private static async Task<(int Count, TimeSpan Elapsed, LatencySummary Latency)> LockFloorAsync(
        IEventDatabase database, int writers, TimeSpan duration, CancellationToken cancellationToken)
    {
        await database.ReadAsync(c => c.ExecuteAsync("CREATE TABLE bench_lock_floor (id bigserial PRIMARY KEY, at bigint NOT NULL)"), cancellationToken);
        var latencies = new ConcurrentBag<double>();
        var started = Stopwatch.GetTimestamp();
        async Task Writer()
        {
            while (Stopwatch.GetElapsedTime(started) < duration)
            {
                var sent = Stopwatch.GetTimestamp();
                await database.WriteAsync(async scope =>
                {
                    await scope.LockAsync("item:bench-lock-floor");
                    return await scope.Prepared("INSERT INTO bench_lock_floor (at) VALUES (@at)", ("@at", scope.Now.ToUnixTimeMilliseconds()))
                        .ExecuteNonQueryAsync(scope.CancellationToken);
                }, cancellationToken);
                latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(Writer, cancellationToken)));
        return (latencies.Count, Stopwatch.GetElapsedTime(started), LatencySummary.Of([.. latencies]));
    }

    private static async Task<string> SettingsAsync(BenchSchema schema, CancellationToken cancellationToken)
    {
        await using var connection = new Npgsql.NpgsqlConnection(schema.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Name, string Setting)>(
            "SELECT name, setting FROM pg_settings WHERE name IN ('server_version', 'synchronous_commit', 'fsync', 'wal_sync_method', 'commit_delay', 'max_connections') ORDER BY name");
        return string.Join(", ", rows.Select(r => $"{r.Name}={r.Setting}"));
    }

    private static void Write(
        BenchOptions options, string settings, BidRun run, TimeSpan cpu, (int Count, TimeSpan Elapsed, LatencySummary Latency) floor, List<string> problems)
    {
        AnsiConsole.WriteLine($"PostgreSQL: {settings}");
        var table = AuctionReport.LatencyTable($"Hot auction on PostgreSQL: {ApiHosts} api hosts + 1 worker, one schema");
        var b = LatencySummary.Of(run.Latencies);
        table.AddRow($"Bids sent by {options.Bidders} bidders", N(run.Attempts), N(run.Attempts / run.Elapsed.TotalSeconds), Ms(b.Mean), Ms(b.P50), Ms(b.P95), Ms(b.P99), Ms(b.Max));
        table.AddRow("  accepted", N(run.Accepted), N(run.Accepted / run.Elapsed.TotalSeconds), string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);
        table.AddRow("  refused (overtaken)", N(run.Attempts - run.Accepted), string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);
        var f = floor.Latency;
        table.AddRow($"Floor: lock + insert + commit, {options.Bidders} writers", N(floor.Count), N(floor.Count / floor.Elapsed.TotalSeconds), Ms(f.Mean), Ms(f.P50), Ms(f.P95), Ms(f.P99), Ms(f.Max));
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine(
            $"Bid latency is call -> commit of the bid endpoint's handler (no HTTP); bidder i sends through api host i mod {ApiHosts}. CPU of this process " +
            $"(both api hosts and the worker, not the database server): {N(cpu.TotalMicroseconds / Math.Max(1, run.Attempts))} us per bid.");
        AnsiConsole.WriteLine(
            $"Serialised on one lock, the mean time between two accepted bids is {Ms(run.Elapsed.TotalMilliseconds / Math.Max(1, run.Accepted))} ms; " +
            $"the floor's is {Ms(floor.Elapsed.TotalMilliseconds / Math.Max(1, floor.Count))} ms.");
        AnsiConsole.WriteLine(
            $"Target: >= {N(TargetAcceptedPerSecond)} accepted bids/s on one auction with {ApiHosts} api processes -> " +
            (run.Accepted / run.Elapsed.TotalSeconds >= TargetAcceptedPerSecond ? "met" : "NOT met"));
        AnsiConsole.WriteLine($"Consistency (every accepted bid stored once as answered, none else, numbers 1..N, price rising): {(problems.Count == 0 ? "ok" : "FAILED: " + string.Join("; ", problems))}");
        AnsiConsole.WriteLine($"Load average at end: {MachineInfo.LoadAverageNow()}");
    }

    private static void Progress(string what) => Console.Error.WriteLine($"[bench] {DateTime.UtcNow:HH:mm:ss} running {what}...");

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Ms(double ms) => double.IsNaN(ms) ? "-" : ms.ToString("0.00", CultureInfo.InvariantCulture);
}
