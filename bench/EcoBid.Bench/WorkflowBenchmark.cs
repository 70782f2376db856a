using System.Diagnostics;
using System.Globalization;
using EcoBid.Server.Hosting;
using EcoBid.Server.Workflows;
using EcoBid.Server.Workflows.Contract;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcoBid.Bench;

/// <summary>
/// The workflow runtime in the whole embedded server: state transitions per second of a 20-state Pass/Choice/Map
/// machine run STANDARD (durable: snapshot, history and execution row in the start's transaction) and EXPRESS (in
/// memory), with W concurrent starters; then the cost of executions waiting on a Wait state's durable timer (database
/// bytes and managed heap per execution), and the latency from StartExecution's call to its first state committed.
/// </summary>
internal static class WorkflowBenchmark
{
    /// <summary>20 states; one execution makes 29 state transitions (the Map runs its 2-state iterator for 3 items).</summary>
    public const string Machine = """
        {"StartAt":"Init","States":{
          "Init":{"Type":"Pass","Result":{"items":[1,2,3],"n":1},"Next":"S1"},
          "S1":{"Type":"Pass","Next":"S2"},"S2":{"Type":"Pass","Next":"S3"},"S3":{"Type":"Pass","Next":"S4"},"S4":{"Type":"Pass","Next":"S5"},
          "S5":{"Type":"Pass","Next":"S6"},"S6":{"Type":"Pass","Next":"S7"},"S7":{"Type":"Pass","Next":"S8"},"S8":{"Type":"Pass","Next":"Check"},
          "Check":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericEquals":1,"Next":"Each"}],"Default":"Done"},
          "Each":{"Type":"Map","ItemsPath":"$.items","ResultPath":"$.mapped","ItemProcessor":{"StartAt":"P1","States":{
            "P1":{"Type":"Pass","Next":"P2"},"P2":{"Type":"Pass","End":true}}},"Next":"S9"},
          "S9":{"Type":"Pass","Next":"S10"},"S10":{"Type":"Pass","Next":"S11"},"S11":{"Type":"Pass","Next":"S12"},"S12":{"Type":"Pass","Next":"S13"},
          "S13":{"Type":"Pass","Next":"S14"},"S14":{"Type":"Pass","Next":"Done"},
          "Done":{"Type":"Succeed"}}}
        """;

    private const string Waiting = """{"StartAt":"Nap","States":{"Nap":{"Type":"Wait","Seconds":86400,"End":true}}}""";

    public static async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        using var directory = new DataDirectory(options, "workflows");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory, EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [EcoBidPaths.DataDirKey] = directory.Path,
            ["Role"] = "all",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Logging.ClearProviders();
        builder.Services.AddEcoBid(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        var workflows = host.Services.GetRequiredService<WorkflowService>();
        var standard = (await workflows.CreateStateMachineAsync(new CreateStateMachineRequest("BenchStandard", Machine), cancellationToken)).StateMachineArn;
        var express = (await workflows.CreateStateMachineAsync(new CreateStateMachineRequest("BenchExpress", Machine, "EXPRESS"), cancellationToken)).StateMachineArn;
        var waiting = (await workflows.CreateStateMachineAsync(new CreateStateMachineRequest("BenchWaiting", Waiting), cancellationToken)).StateMachineArn;

        var first = await workflows.StartExecutionAsync(new StartExecutionRequest(standard), cancellationToken);
        var history = await workflows.GetExecutionHistoryAsync(first.ExecutionArn, false, false, null, 1000, cancellationToken);
        var transitions = history.Items.Count(e => e["type"]!.GetValue<string>().EndsWith("StateEntered", StringComparison.Ordinal));
        var executions = Math.Max(options.Events / 10, 100);
        Console.Error.WriteLine($"[bench] {executions} executions of {transitions} transitions each, {options.Writers} starters");

        await RunManyAsync(options.Writers, executions / 5, i => workflows.StartExecutionAsync(new StartExecutionRequest(standard), cancellationToken));
        var standardTime = await RunManyAsync(options.Writers, executions, i => workflows.StartExecutionAsync(new StartExecutionRequest(standard), cancellationToken));
        await RunManyAsync(options.Writers, executions / 5, i => workflows.StartSyncExecutionAsync(new StartExecutionRequest(express), cancellationToken));
        var expressTime = await RunManyAsync(options.Writers, executions, i => workflows.StartSyncExecutionAsync(new StartExecutionRequest(express), cancellationToken));

        var dbFile = Path.Combine(directory.Path, "ecobid.db");
        long Size() => new FileInfo(dbFile).Length + (File.Exists(dbFile + "-wal") ? new FileInfo(dbFile + "-wal").Length : 0);
        var waiters = Math.Max(options.Events, 1000);
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var sizeBefore = Size();
        var latencies = new double[waiters];
        await RunManyAsync(options.Writers, waiters, async i =>
        {
            var started = Stopwatch.GetTimestamp();
            await workflows.StartExecutionAsync(new StartExecutionRequest(waiting), cancellationToken);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        });
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        var sizeAfter = Size();
        Array.Sort(latencies);

        var total = executions * (double)transitions;
        Console.WriteLine();
        Console.WriteLine("Workflows (20-state Pass/Choice/Map machine)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  transitions per execution     {transitions}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  STANDARD (durable)            {total / standardTime.TotalSeconds,12:N0} transitions/s  ({executions / standardTime.TotalSeconds:N0} executions/s, {options.Writers} starters)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  EXPRESS (in memory)           {total / expressTime.TotalSeconds,12:N0} transitions/s  ({executions / expressTime.TotalSeconds:N0} executions/s)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  waiting executions            {waiters}: {(sizeAfter - sizeBefore) / (double)waiters:N0} database bytes and {Math.Max(0, heapAfter - heapBefore) / (double)waiters:N0} heap bytes each"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  start to first state (ms)     p50 {latencies[waiters / 2]:N2}  p99 {latencies[(int)(waiters * 0.99)]:N2}  max {latencies[^1]:N2}  ({options.Writers} starters)"));
        await host.StopAsync(CancellationToken.None);
        return 0;
    }

    private static async Task<TimeSpan> RunManyAsync(int writers, int count, Func<int, Task> start)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await start(i);
            }
        })));
        return clock.Elapsed;
    }
}
