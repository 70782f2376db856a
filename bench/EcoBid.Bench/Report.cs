using System.Globalization;
using Spectre.Console;

namespace EcoBid.Bench;

/// <summary>The plain-text report: machine, settings, throughput, latency, and whether the store is consistent.</summary>
internal static class Report
{
    public const double TargetRatio = 0.5;

    public static void Header(MachineInfo machine, BenchOptions options)
    {
        AnsiConsole.WriteLine("EcoBid event pipeline benchmark");
        AnsiConsole.WriteLine(new string('=', 31));
        var table = KeyValueTable();
        table.AddRow("Date (UTC)", machine.Date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        table.AddRow("Cores", $"{machine.Cores} ({machine.Cpu})");
        table.AddRow("OS", machine.Os);
        table.AddRow(".NET", machine.Runtime);
        table.AddRow("Store", $"{machine.Sqlite}, WAL, synchronous=NORMAL, one writer connection behind the write gate");
        table.AddRow("Data directory", machine.FileSystem);
        table.AddRow("Load average at start", $"{machine.LoadAverage} (1/5/15 min; other work on the cores skews every figure)");
        table.AddRow("Events (N)", $"{options.Events:N0} per throughput run, after at least {options.Warmup:N0} warm-up items (pipeline: and {options.WarmupTime.TotalSeconds:0} s)");
        table.AddRow("Writers", $"{options.Writers} concurrent (throughput runs)");
        table.AddRow("Latency run", $"{options.Rate:N0} events/s offered for {options.LatencyDuration.TotalSeconds:0} s");
        table.AddRow("Queues", options.RabbitMq is null ? "embedded (in the state's database)" : "RabbitMQ (Queues=rabbitmq; state, outbox and inbox stay in the state's database)");
        if (options.Postgres is not null)
        {
            table.AddRow(
                "PostgreSQL",
                "raw insert, pipeline, latency and auction runs also with Storage=postgres, each on a fresh schema (--postgres); " +
                "CPU columns count this process only, not the database server");
        }

        AnsiConsole.Write(table);
        AnsiConsole.WriteLine();
    }

    public static void Routing(IReadOnlyList<string> targets)
    {
        AnsiConsole.WriteLine(
            $"Routing: each ItemCreated is delivered to {targets.Count} target(s) under the loaded rules: {string.Join(", ", targets)}.");
        if (!targets.Contains("UpdateStats"))
        {
            AnsiConsole.WriteLine(
                "  Note: UpdateStats is not among them: the rule CountEverything uses prefix/anything-but patterns, which the interim");
            AnsiConsole.WriteLine(
                "  exact-match pattern matcher does not match. With the full pattern language each item fans out to 4 targets.");
        }

        AnsiConsole.WriteLine();
    }

    public static void Throughput(IReadOnlyList<RawInsertResult> raw, IReadOnlyList<PipelineResult> pipelines)
    {
        // The ratios and the target are for the first (embedded) pipeline against the embedded raw insert.
        var pipeline = pipelines.Count > 0 ? pipelines[0] : null;
        var table = new Table().Border(TableBorder.Ascii).Title("Throughput");
        table.AddColumn("Measurement");
        table.AddColumn(new TableColumn("Count").RightAligned());
        table.AddColumn(new TableColumn("Seconds").RightAligned());
        table.AddColumn(new TableColumn("Rate").RightAligned());
        table.AddColumn("Unit");
        table.AddColumn(new TableColumn("CPU s").RightAligned());
        table.AddColumn(new TableColumn("CPU us/event").RightAligned());
        table.AddColumn(new TableColumn("KiB written/event").RightAligned());
        foreach (var r in raw)
        {
            table.AddRow(
                $"Raw insert ({r.Store}), {r.Writers} writer(s), median of {RawInsertBenchmark.Repeats}", Count(r.Rows), Seconds(r.Elapsed), Rate(r.RowsPerSecond), "inserts/s",
                Seconds(r.Cpu), Micro(r.CpuMicrosecondsPerRow), KiB(r.WrittenBytes, r.Rows));
        }

        foreach (var run in pipelines)
        {
            AddPipeline(table, run);
        }

        AnsiConsole.Write(table);
        if (pipeline is not null && raw.Count > 0)
        {
            // The baseline is one row per transaction: the single writer. Concurrent writers share commits (group
            // commit), so their rate is shown too, but it is not the one the target is set against.
            var single = raw[0];
            var ratio = pipeline.ItemsPerSecond / single.RowsPerSecond;
            AnsiConsole.WriteLine(
                $"Pipeline / raw insert rate (one row per transaction): {Percent(ratio)} " +
                $"({Rate(pipeline.ItemsPerSecond)} events/s against {Rate(single.RowsPerSecond)} inserts/s)");
            foreach (var shared in raw.Skip(1).Where(r => r.Store == single.Store))
            {
                AnsiConsole.WriteLine(
                    $"Pipeline / raw insert rate with {shared.Writers} writers sharing commits: {Percent(pipeline.ItemsPerSecond / shared.RowsPerSecond)} " +
                    $"(against {Rate(shared.RowsPerSecond)} inserts/s)");
            }

            AnsiConsole.WriteLine(
                $"By CPU per event (steadier on shared cores): raw {Micro(single.CpuMicrosecondsPerRow)} us/insert, pipeline " +
                $"{Micro(pipeline.CpuMicrosecondsPerItem)} us/event -> {Percent(single.CpuMicrosecondsPerRow / pipeline.CpuMicrosecondsPerItem)}");
            AnsiConsole.WriteLine(
                $"Target: pipeline >= {Percent(TargetRatio)} of the raw insert rate (one row per transaction) -> " +
                (ratio >= TargetRatio ? "met" : "NOT met"));
        }

        foreach (var run in pipelines.Where(p => p.Failed > 0))
        {
            AnsiConsole.WriteLine($"Handler failures during the {run.Store} run: {run.Failed} (retried; they slow the pipeline).");
        }

        AnsiConsole.WriteLine();
    }

    public static void Latency(IReadOnlyList<LatencyResult> fixedRates, IReadOnlyList<PipelineResult> saturated)
    {
        if (fixedRates.Count == 0 && saturated.Count == 0)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Ascii).Title("Latency, event time -> handler commit (ms)");
        table.AddColumn("Run");
        table.AddColumn(new TableColumn("Samples").RightAligned());
        table.AddColumn(new TableColumn("mean").RightAligned());
        table.AddColumn(new TableColumn("p50").RightAligned());
        table.AddColumn(new TableColumn("p95").RightAligned());
        table.AddColumn(new TableColumn("p99").RightAligned());
        table.AddColumn(new TableColumn("max").RightAligned());
        foreach (var fixedRate in fixedRates)
        {
            AddLatency(table, $"{fixedRate.Store}: fixed rate, {fixedRate.OfferedPerSecond:N0} events/s offered", fixedRate.Latency);
        }

        foreach (var run in saturated)
        {
            AddLatency(table, $"{run.Store}: saturation, {run.Items:N0} events from {run.Writers} writers", run.Latency);
        }

        AnsiConsole.Write(table);
        AnsiConsole.WriteLine("Event time is the writer transaction's clock reading (millisecond precision in the envelope), so each sample also");
        AnsiConsole.WriteLine("includes the rest of the writer's transaction; samples are per delivery (one per target).");
        foreach (var fixedRate in fixedRates.Where(f => f.Failed > 0))
        {
            AnsiConsole.WriteLine($"Handler failures during the {fixedRate.Store} fixed-rate run: {fixedRate.Failed} (retried after a back-off; they show in the tail).");
        }

        AnsiConsole.WriteLine();
    }

    public static void Consistency(IEnumerable<(string Run, ConsistencyReport Report)> checks)
    {
        foreach (var (run, report) in checks)
        {
            var c = report.Counts;
            var verdict = report.Ok ? "ok" : "FAILED: " + string.Join("; ", report.Problems);
            AnsiConsole.WriteLine($"Consistency after the {run} run: {verdict}");
            AnsiConsole.WriteLine(
                $"  items {c.Items}, processed {c.Processed}, moderated {c.Moderated}, indexed {c.Indexed}, archived {c.Archived}, " +
                $"inbox {c.Inbox}, outbox {c.Outbox}, queued {c.Queued}, dead letters {c.DeadLettered}");
        }
    }

    public static void Footer(TimeSpan total)
    {
        AnsiConsole.WriteLine($"Load average at end: {MachineInfo.LoadAverageNow()}; total time {total.TotalSeconds:0.0} s.");
    }

    private static void AddPipeline(Table table, PipelineResult pipeline)
    {
        table.AddRow(
            $"Pipeline ({pipeline.Store}), end to end", Count(pipeline.Items), Seconds(pipeline.Elapsed), Rate(pipeline.ItemsPerSecond), "events/s (items/s)",
            Seconds(pipeline.Cpu), Micro(pipeline.CpuMicrosecondsPerItem), KiB(pipeline.WrittenBytes, pipeline.Items));
        table.AddRow("  handler deliveries", Count(pipeline.Deliveries), Seconds(pipeline.Elapsed), Rate(pipeline.DeliveriesPerSecond), "deliveries/s", string.Empty, string.Empty, string.Empty);
        table.AddRow("  writes alone (pipeline running)", Count(pipeline.Items), Seconds(pipeline.WriteElapsed), Rate(pipeline.WritesPerSecond), "items committed/s", string.Empty, string.Empty, string.Empty);
        foreach (var (target, count) in pipeline.PerTarget.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            table.AddRow($"  handled by {target}", Count(count), string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);
        }
    }

    private static void AddLatency(Table table, string run, LatencySummary s) =>
        table.AddRow(run, Count(s.Count), Ms(s.Mean), Ms(s.P50), Ms(s.P95), Ms(s.P99), Ms(s.Max));

    private static Table KeyValueTable()
    {
        var table = new Table().Border(TableBorder.None).HideHeaders();
        table.AddColumn(new TableColumn(string.Empty).PadRight(2));
        table.AddColumn(string.Empty);
        return table;
    }

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Rate(double r) => r.ToString("N0", CultureInfo.InvariantCulture);

    private static string KiB(long bytes, long events) =>
        bytes < 0 ? "n/a" : (bytes / 1024.0 / events).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Percent(double ratio) => ratio.ToString("P0", CultureInfo.InvariantCulture);

    private static string Micro(double us) => us.ToString("N0", CultureInfo.InvariantCulture);

    private static string Ms(double ms) => double.IsNaN(ms) ? "-" : ms.ToString("0.0", CultureInfo.InvariantCulture);
}
