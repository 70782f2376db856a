using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Spectre.Console;

namespace EcoBid.Bench.Peer;

/// <summary>
/// <c>--scenario peer</c>: the same outbox → broker → consumer → handler work on EcoBid's runtime and on MassTransit,
/// on the same PostgreSQL database (a fresh schema each) and RabbitMQ vhost, one after the other. W writers write N
/// events as fast as they can and the clock runs to the last effect's commit (events/s, CPU per event of this process
/// and of the whole machine, which counts the servers' work too); then one writer offers <c>--rate</c> events/s for
/// <c>--seconds</c> (latency from the write's start to the effect's commit, under capacity).
/// </summary>
internal static class PeerBenchmark
{
    public static async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        if (options.Postgres is null || options.RabbitMq is null)
        {
            await Console.Error.WriteLineAsync("--scenario peer needs --postgres and --rabbitmq.");
            return 2;
        }

        var results = new List<PeerResult>();
        foreach (var system in new Func<string, PeerProgress, IPeerSystem>[]
                 {
                     (schema, progress) => new EcoBidPeerSystem(schema, options.RabbitMq, progress),
                     (schema, progress) => new MassTransitPeerSystem(schema, options.RabbitMq, progress),
                 })
        {
            await PeerBroker.DeleteQueuesAsync(options.RabbitMq, cancellationToken);
            var progress = new PeerProgress();
            await using var schema = await BenchSchema.CreateAsync(options, "peer", cancellationToken);
            await using var peer = system(schema.ConnectionString, progress);
            Progress($"peer: {peer.Name}");
            results.Add(await MeasureAsync(peer, progress, options, cancellationToken));
        }

        Write(results, options);
        return results.All(r => r.Ok) ? 0 : 1;
    }

    private static async Task<PeerResult> MeasureAsync(IPeerSystem peer, PeerProgress progress, BenchOptions options, CancellationToken cancellationToken)
    {
        await peer.StartAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        var token = timeout.Token;
        var written = 0;
        var stage = "warm-up";
        try
        {
            // Warm-up rounds until both the count and the time are reached: the JIT tiers code up for seconds.
            var warming = Stopwatch.StartNew();
            while (written < options.Warmup || warming.Elapsed < options.WarmupTime)
            {
                var round = Math.Max(options.Warmup, options.Writers);
                var handled = progress.Expect(round);
                await WriteAllAsync(peer, round, options.Writers, token);
                written += round;
                await handled.WaitAsync(token);
            }

            // Both systems start from a flushed database: a checkpoint the previous run's writes would trigger lands here.
            await CheckpointAsync(options.Postgres!, token);
            await Task.Delay(TimeSpan.FromSeconds(2), token);

            stage = "throughput";
            var done = progress.Expect(options.Events);
            var processCpu = ProcessCpu.Now();
            var machineCpu = MachineCpu.Busy();
            var clock = Stopwatch.StartNew();
            await WriteAllAsync(peer, options.Events, options.Writers, token);
            written += options.Events;
            var writes = clock.Elapsed;
            await done.WaitAsync(token);
            var elapsed = clock.Elapsed;
            var cpu = ProcessCpu.Now() - processCpu;
            var busy = MachineCpu.Busy() - machineCpu;
            var saturation = progress.Latency();

            stage = "fixed rate";
            var offered = (int)(options.Rate * options.LatencyDuration.TotalSeconds);
            var paced = progress.Expect(offered);
            await WriteAtRateAsync(peer, offered, options.Rate, token);
            written += offered;
            await paced.WaitAsync(token);
            return new PeerResult(
                peer.Name, peer.Pipeline, options.Events, elapsed, writes, cpu, busy, saturation, progress.Latency(), await peer.EffectsAsync(token), written);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var failure = $"timed out after {options.Timeout.TotalSeconds:0} s in the {stage} stage with {progress.Count:N0} of the round handled";
            var none = LatencySummary.Of([]);
            return new PeerResult(peer.Name, peer.Pipeline, options.Events, options.Timeout, options.Timeout, TimeSpan.Zero, TimeSpan.Zero, none, none, 0, written, failure);
        }
    }

    private static Task WriteAllAsync(IPeerSystem peer, int count, int writers, CancellationToken cancellationToken)
    {
        var next = 0;
        return Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) <= count)
            {
                await peer.WriteAsync(Stopwatch.GetTimestamp(), cancellationToken);
            }
        }, cancellationToken)));
    }

    /// <summary>Open loop: a write starts every 1/rate seconds whether or not the earlier ones have finished.</summary>
    private static async Task WriteAtRateAsync(IPeerSystem peer, int count, int rate, CancellationToken cancellationToken)
    {
        var writes = new List<Task>(count);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate) - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, cancellationToken);
            }

            writes.Add(peer.WriteAsync(Stopwatch.GetTimestamp(), cancellationToken));
        }

        await Task.WhenAll(writes);
    }

    private static async Task CheckpointAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var checkpoint = new NpgsqlCommand("CHECKPOINT", connection);
        try
        {
            await checkpoint.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            // CHECKPOINT needs superuser or pg_checkpoint; without it the runs simply start without one.
        }
    }

    private static void Write(IReadOnlyList<PeerResult> results, BenchOptions options)
    {
        AnsiConsole.WriteLine(
            $"Peer comparison: {options.Events:N0} events from {options.Writers} writers as fast as they go, then {options.Rate:N0}/s for " +
            $"{options.LatencyDuration.TotalSeconds:0} s; one consumer target; PostgreSQL and RabbitMQ on this machine.");
        var table = new Table().Border(TableBorder.Ascii).Title("Outbox -> broker -> consumer -> handler");
        table.AddColumn("System");
        table.AddColumn(new TableColumn("events/s").RightAligned());
        table.AddColumn(new TableColumn("writes/s").RightAligned());
        table.AddColumn(new TableColumn("CPU us/event, process").RightAligned());
        table.AddColumn(new TableColumn("CPU us/event, machine").RightAligned());
        table.AddColumn(new TableColumn("saturated p50 / p99 ms").RightAligned());
        table.AddColumn(new TableColumn($"{options.Rate}/s p50 / p99 ms").RightAligned());
        table.AddColumn("effects");
        foreach (var r in results)
        {
            table.AddRow(
                r.System, Number(r.EventsPerSecond), Number(r.WritesPerSecond), Number(r.ProcessCpuMicrosecondsPerEvent), Number(r.MachineCpuMicrosecondsPerEvent),
                $"{Number(r.Saturation.P50, "N1")} / {Number(r.Saturation.P99, "N1")}", $"{Number(r.FixedRate.P50, "N1")} / {Number(r.FixedRate.P99, "N1")}",
                r.Failure ?? (r.Ok ? $"{r.Effects:N0}, one per event" : $"FAILED: {r.Effects:N0} of {r.Expected:N0}"));
        }

        AnsiConsole.Write(table);
        foreach (var r in results)
        {
            AnsiConsole.WriteLine($"  {r.System}: {r.Pipeline}");
        }

        AnsiConsole.WriteLine();
    }

    private static string Number(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);

    private static void Progress(string what) => Console.Error.WriteLine($"[bench] {DateTime.UtcNow:HH:mm:ss} running {what}...");
}
