using System.Diagnostics;

namespace EcoBid.Bench;

internal sealed record PipelineResult(
    string Store,
    int Items,
    int Writers,
    IReadOnlyList<string> Targets,
    TimeSpan Elapsed,
    TimeSpan WriteElapsed,
    TimeSpan Cpu,
    long WrittenBytes,
    long Deliveries,
    IReadOnlyDictionary<string, long> PerTarget,
    LatencySummary Latency,
    long Failed,
    ConsistencyReport Consistency)
{
    /// <summary>Items (events) per second, from the first write to the last handler commit.</summary>
    public double ItemsPerSecond => Items / Elapsed.TotalSeconds;

    public double DeliveriesPerSecond => Deliveries / Elapsed.TotalSeconds;

    public double CpuMicrosecondsPerItem => Cpu.TotalMicroseconds / Items;

    /// <summary>Items committed per second by the writers alone, while the pipeline ran behind them.</summary>
    public double WritesPerSecond => Items / WriteElapsed.TotalSeconds;
}

internal sealed record LatencyResult(
    string Store,
    int Rate,
    TimeSpan Duration,
    int Items,
    double OfferedPerSecond,
    IReadOnlyList<string> Targets,
    LatencySummary Latency,
    long Failed,
    ConsistencyReport Consistency);

internal static class PipelineBenchmark
{
    /// <summary>Saturation: writers post as fast as they can; the clock stops when the last handler commits.</summary>
    public static async Task<PipelineResult> RunThroughputAsync(BenchOptions options, bool onPostgres, CancellationToken cancellationToken)
    {
        await using var host = await PipelineHost.StartAsync(options, "pipeline", onPostgres, cancellationToken);
        await host.WarmUpAsync(options.Warmup, options.WarmupTime, options.Writers, options.Timeout, cancellationToken);
        var failedBefore = host.Probe.Failed;

        var expected = (long)options.Events * host.Targets.Count;
        var cpu = ProcessCpu.Now();
        var written = ProcessIo.WrittenBytes();
        var phase = host.Probe.Begin(expected);
        var started = Stopwatch.GetTimestamp();
        await host.WriteItemsAsync(options.Events, options.Writers, cancellationToken);
        var writeElapsed = Stopwatch.GetElapsedTime(started);
        var elapsed = await WaitAsync(phase, options.Timeout, cancellationToken);
        cpu = ProcessCpu.Now() - cpu;
        written = ProcessIo.WrittenBytes() - written;

        return new PipelineResult(
            StoreName(options, onPostgres),
            options.Events,
            options.Writers,
            host.Targets,
            elapsed,
            writeElapsed,
            cpu,
            written,
            phase.HandledCount,
            phase.PerQueue,
            LatencySummary.Of([.. phase.Latencies]),
            host.Probe.Failed - failedBefore,
            await host.CheckAsync(cancellationToken));
    }

    /// <summary>
    /// A fixed offered rate (open loop: each write starts on its schedule, whether or not earlier ones finished), so
    /// the latency is the pipeline's own, not time spent queueing behind a backlog.
    /// </summary>
    public static async Task<LatencyResult> RunLatencyAsync(BenchOptions options, bool onPostgres, CancellationToken cancellationToken)
    {
        await using var host = await PipelineHost.StartAsync(options, "latency", onPostgres, cancellationToken);
        await host.WarmUpAsync(options.Warmup, options.WarmupTime, options.Writers, options.Timeout, cancellationToken);
        var failedBefore = host.Probe.Failed;

        var items = (int)Math.Round(options.Rate * options.LatencyDuration.TotalSeconds);
        var phase = host.Probe.Begin((long)items * host.Targets.Count);
        using var inFlight = new SemaphoreSlim(64);
        var writes = new List<Task>(items);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < items; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / options.Rate);
            var wait = due - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, cancellationToken);
            }

            await inFlight.WaitAsync(cancellationToken);
            writes.Add(WriteAsync());
        }

        var offeredElapsed = Stopwatch.GetElapsedTime(started);
        await Task.WhenAll(writes);
        await WaitAsync(phase, options.Timeout, cancellationToken);

        return new LatencyResult(
            StoreName(options, onPostgres),
            options.Rate,
            options.LatencyDuration,
            items,
            items > 1 ? (items - 1) / offeredElapsed.TotalSeconds : items,
            host.Targets,
            LatencySummary.Of([.. phase.Latencies]),
            host.Probe.Failed - failedBefore,
            await host.CheckAsync(cancellationToken));

        async Task WriteAsync()
        {
            try
            {
                await Task.Yield();
                await host.WriteOneAsync(cancellationToken);
            }
            finally
            {
                inFlight.Release();
            }
        }
    }

    /// <summary>Where the run's state and queues were, for the report's row labels.</summary>
    public static string StoreName(BenchOptions options, bool onPostgres) =>
        (onPostgres ? "PostgreSQL" : "SQLite") + (options.RabbitMq is null ? string.Empty : " + RabbitMQ");

    private static async Task<TimeSpan> WaitAsync(ProbePhase phase, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await phase.Completion.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(
                $"The pipeline handled {phase.HandledCount} of {phase.Expected} deliveries within {timeout.TotalSeconds:0} s.");
        }
    }
}
