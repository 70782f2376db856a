using System.Diagnostics;
using EcoBid.Bench;
using Spectre.Console;

// `search [options]`: the nearby-search benchmark over a generated catalogue (see SearchBenchmark for its options).
if (args is ["search", .. var searchArgs])
{
    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        stop.Cancel();
    };
    return await SearchBenchmark.RunAsync(searchArgs, Console.Out, stop.Token);
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (HelpRequestedException)
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    await Console.Error.WriteLineAsync(BenchOptions.Usage);
    return 2;
}

// A plain-text report: no colours or escape codes, whether it goes to a terminal or a file.
AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
{
    Ansi = AnsiSupport.No,
    ColorSystem = ColorSystemSupport.NoColors,
    Out = new AnsiConsoleOutput(Console.Out),
});
AnsiConsole.Profile.Width = Console.IsOutputRedirected ? 140 : Math.Max(Console.WindowWidth, 100);

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
var token = cancellation.Token;
var started = Stopwatch.GetTimestamp();

Report.Header(MachineInfo.Capture(options.Directory ?? Path.GetTempPath()), options);
if (options.Scenario == "workflows")
{
    return await WorkflowBenchmark.RunAsync(options, token);
}

if (options.Scenario is "nearby" or "push")
{
    return options.Scenario == "nearby" ? await NearbyAlertsBenchmark.RunAsync(options, token) : await PushLatencyBenchmark.RunAsync(options, token);
}

var raw = new List<RawInsertResult>();
PipelineResult? pipeline = null;
LatencyResult? latency = null;
if (options.RunsRaw)
{
    Progress("raw insert, 1 writer");
    raw.Add(await RawInsertBenchmark.RunMedianAsync(options, 1, token));
    if (options.Writers > 1)
    {
        Progress($"raw insert, {options.Writers} writers");
        raw.Add(await RawInsertBenchmark.RunMedianAsync(options, options.Writers, token));
    }

    if (options.Postgres is not null)
    {
        Progress("raw insert on PostgreSQL, 1 writer");
        raw.Add(await PostgresRawInsertBenchmark.RunMedianAsync(options, 1, token));
        if (options.Writers > 1)
        {
            Progress($"raw insert on PostgreSQL, {options.Writers} writers");
            raw.Add(await PostgresRawInsertBenchmark.RunMedianAsync(options, options.Writers, token));
        }
    }
}

if (options.RunsPipeline)
{
    Progress("pipeline throughput");
    pipeline = await PipelineBenchmark.RunThroughputAsync(options, token);
}

if (options.RunsLatency)
{
    Progress("pipeline latency at a fixed rate");
    latency = await PipelineBenchmark.RunLatencyAsync(options, token);
}

AuctionBenchResult? auction = null;
if (options.RunsAuction)
{
    Progress("auction: one hot auction, then many closing");
    auction = await AuctionBenchmark.RunAsync(options, token);
}

var targets = pipeline?.Targets ?? latency?.Targets;
if (targets is not null)
{
    Report.Routing(targets);
}

if (raw.Count > 0 || pipeline is not null)
{
    Report.Throughput(raw, pipeline);
}

Report.Latency(latency, pipeline);
var checks = new List<(string, ConsistencyReport)>();
if (pipeline is not null)
{
    checks.Add(("throughput", pipeline.Consistency));
}

if (latency is not null)
{
    checks.Add(("fixed-rate", latency.Consistency));
}

Report.Consistency(checks);
AuctionReport.Write(auction);
Report.Footer(Stopwatch.GetElapsedTime(started));
return checks.All(c => c.Item2.Ok) && auction?.Ok != false ? 0 : 1;

static void Progress(string what) => Console.Error.WriteLine($"[bench] {DateTime.UtcNow:HH:mm:ss} running {what}...");
