using System.Security.Claims;
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
/// the bid endpoint's handler. Bids on one item take turns on its advisory lock (<c>item:{id}</c>); each api host
/// commits the bids queued behind that lock in one transaction (PostgresDatabase's grouped writes). Two runs: with the
/// worker consuming every bid's events on the same cores, then with the worker stopped (as when workers run on other
/// machines), which shows what the bid path alone takes. Last, the floor: lock, one insert, commit, one writer per
/// transaction.
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

            var problems = new List<string>();
            Progress($"hot auction with the worker running, {options.Bidders} bidders over {ApiHosts} api hosts, {options.LatencyDuration.TotalSeconds:0} s");
            var withWorker = await HotAuctionAsync(apis, seller, bidders, 1, options, problems, cancellationToken);

            // Stop the worker: the events of the next run wait in the queues, as they would for workers elsewhere.
            await worker.DisposeAsync();
            worker = null;
            Progress($"hot auction with no worker, {options.LatencyDuration.TotalSeconds:0} s");
            var alone = await HotAuctionAsync(apis, seller, bidders, 2, options, problems, cancellationToken);

            Progress("floor: lock, one insert, commit, on one key");
            var floor = await LockFloorAsync(apis[0].Database, options.Bidders, options.LatencyDuration / 2, cancellationToken);
            var grouped = apis.Select(a => a.Database).OfType<Events.Postgres.PostgresDatabase>().Select(d => d.GroupedCommits).Aggregate((0L, 0L), (sum, c) => (sum.Item1 + c.Transactions, sum.Item2 + c.Writes));
            Write(options, settings, withWorker, alone, floor, grouped, problems);
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

    private static async Task<(BidRun Run, TimeSpan Cpu)> HotAuctionAsync(
        List<AuctionHost> apis, ClaimsPrincipal seller, IReadOnlyList<ClaimsPrincipal> bidders, int number, BenchOptions options, List<string> problems, CancellationToken cancellationToken)
    {
        var hot = await apis[1].AuctionAsync(seller, number, TimeSpan.FromHours(1), cancellationToken);
        var cpu = ProcessCpu.Now();
        var run = await AuctionBenchmark.BidAsync(apis, hot, bidders, int.MaxValue, options.LatencyDuration, cancellationToken);
        cpu = ProcessCpu.Now() - cpu;
        await AuctionBenchmark.CheckHotAuctionAsync(apis[0], hot, run.Accepted, problems);
        HotAuctionChecks.CheckAccepted(await HotAuctionChecks.StoredBidsAsync(apis[0], hot), run.Answers, problems);
        return (run, cpu);
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
        BenchOptions options, string settings, (BidRun Run, TimeSpan Cpu) withWorker, (BidRun Run, TimeSpan Cpu) alone,
        (int Count, TimeSpan Elapsed, LatencySummary Latency) floor, (long Transactions, long Writes) grouped, List<string> problems)
    {
        AnsiConsole.WriteLine($"PostgreSQL: {settings}");
        var queues = options.RabbitMq is null ? "queues in PostgreSQL" : "queues on RabbitMQ";
        var table = AuctionReport.LatencyTable($"Hot auction on PostgreSQL ({queues}): {ApiHosts} api hosts, one schema, {options.Bidders} bidders");
        AddRun(table, "Worker running: bids sent", withWorker.Run);
        AddRun(table, "No worker: bids sent", alone.Run);
        var f = floor.Latency;
        table.AddRow($"Floor: lock + insert + commit, {options.Bidders} writers", N(floor.Count), N(floor.Count / floor.Elapsed.TotalSeconds), Ms(f.Mean), Ms(f.P50), Ms(f.P95), Ms(f.P99), Ms(f.Max));
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine(
            $"Bid latency is call -> commit of the bid endpoint's handler (no HTTP); bidder i sends through api host i mod {ApiHosts}. CPU of this process " +
            $"(api hosts and worker, not the database server) per bid: {N(withWorker.Cpu.TotalMicroseconds / Math.Max(1, withWorker.Run.Attempts))} us with the worker, " +
            $"{N(alone.Cpu.TotalMicroseconds / Math.Max(1, alone.Run.Attempts))} us without.");
        AnsiConsole.WriteLine(
            $"Mean time between two accepted bids: {Ms(Between(withWorker.Run))} ms with the worker, {Ms(Between(alone.Run))} ms without; " +
            $"the floor's (one writer per transaction) is {Ms(floor.Elapsed.TotalMilliseconds / Math.Max(1, floor.Count))} ms.");
        AnsiConsole.WriteLine(
            $"Grouped bid transactions (both runs and the warm-up): {N(grouped.Transactions)} holding {N(grouped.Writes)} bids, " +
            $"{(grouped.Writes / (double)Math.Max(1, grouped.Transactions)).ToString("0.0", CultureInfo.InvariantCulture)} per commit.");
        var best = Math.Max(Rate(withWorker.Run), Rate(alone.Run));
        AnsiConsole.WriteLine(
            $"Target: >= {N(TargetAcceptedPerSecond)} accepted bids/s on one auction with {ApiHosts} api processes -> " +
            (Rate(withWorker.Run) >= TargetAcceptedPerSecond ? "met" : best >= TargetAcceptedPerSecond ? "met with the worker elsewhere only" : "NOT met"));
        AnsiConsole.WriteLine($"Consistency (every accepted bid stored once as answered, none else, numbers 1..N, price rising): {(problems.Count == 0 ? "ok" : "FAILED: " + string.Join("; ", problems))}");
        AnsiConsole.WriteLine($"Load average at end: {MachineInfo.LoadAverageNow()}");
    }

    private static void AddRun(Table table, string name, BidRun run)
    {
        var b = LatencySummary.Of(run.Latencies);
        table.AddRow(name, N(run.Attempts), N(run.Attempts / run.Elapsed.TotalSeconds), Ms(b.Mean), Ms(b.P50), Ms(b.P95), Ms(b.P99), Ms(b.Max));
        table.AddRow("  accepted", N(run.Accepted), N(Rate(run)), string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);
        table.AddRow("  refused (overtaken)", N(run.Attempts - run.Accepted), string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);
    }

    private static double Rate(BidRun run) => run.Accepted / run.Elapsed.TotalSeconds;

    private static double Between(BidRun run) => run.Elapsed.TotalMilliseconds / Math.Max(1, run.Accepted);

    private static void Progress(string what) => Console.Error.WriteLine($"[bench] {DateTime.UtcNow:HH:mm:ss} running {what}...");

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Ms(double ms) => double.IsNaN(ms) ? "-" : ms.ToString("0.00", CultureInfo.InvariantCulture);
}
