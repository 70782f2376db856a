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

if (options.Scenario == "peer")
{
    return await EcoBid.Bench.Peer.PeerBenchmark.RunAsync(options, token);
}

if (options.Scenario == "hot-auction-cluster")
{
    return await HotAuctionClusterBenchmark.RunAsync(options, token);
}

var raw = new List<RawInsertResult>();
var pipelines = new List<PipelineResult>();
var latencies = new List<LatencyResult>();
// Each run on the embedded store first, then the same run with the state on PostgreSQL when --postgres is given.
bool[] stores = options.Postgres is null ? [false] : [false, true];
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

foreach (var onPostgres in stores)
{
    if (options.RunsPipeline)
    {
        Progress($"pipeline throughput ({PipelineBenchmark.StoreName(options, onPostgres)})");
        pipelines.Add(await PipelineBenchmark.RunThroughputAsync(options, onPostgres, token));
    }

    if (options.RunsLatency)
    {
        Progress($"pipeline latency at a fixed rate ({PipelineBenchmark.StoreName(options, onPostgres)})");
        latencies.Add(await PipelineBenchmark.RunLatencyAsync(options, onPostgres, token));
    }
}

var auctions = new List<AuctionBenchResult>();
if (options.RunsAuction)
{
    foreach (var onPostgres in stores)
    {
        Progress($"auction: one hot auction, then many closing ({(onPostgres ? "PostgreSQL" : "SQLite")})");
        auctions.Add(await AuctionBenchmark.RunAsync(options, onPostgres, token));
    }
}

var targets = pipelines.FirstOrDefault()?.Targets ?? latencies.FirstOrDefault()?.Targets;
if (targets is not null)
{
    Report.Routing(targets);
}

if (raw.Count > 0 || pipelines.Count > 0)
{
    Report.Throughput(raw, pipelines);
}

Report.Latency(latencies, pipelines);
var checks = new List<(string, ConsistencyReport)>();
checks.AddRange(pipelines.Select(p => ($"{p.Store} throughput", p.Consistency)));
checks.AddRange(latencies.Select(l => ($"{l.Store} fixed-rate", l.Consistency)));
Report.Consistency(checks);
foreach (var auction in auctions)
{
    AuctionReport.Write(auction);
}

Report.Footer(Stopwatch.GetElapsedTime(started));
return checks.All(c => c.Item2.Ok) && auctions.All(a => a.Ok) ? 0 : 1;

static void Progress(string what) => Console.Error.WriteLine($"[bench] {DateTime.UtcNow:HH:mm:ss} running {what}...");
