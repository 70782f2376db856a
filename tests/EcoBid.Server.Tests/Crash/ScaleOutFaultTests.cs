using System.Diagnostics;
using EcoBid.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace EcoBid.Server.Tests.Crash;

/// <summary>
/// Faults in the scale-out setup, against real processes: two api processes and one or two workers share one
/// PostgreSQL schema (state, outbox, inbox, timers) and one RabbitMQ vhost (queues), under a steady mixed load spread
/// over both api processes (items posted and raced for, bids on a hot auction, sign-ups). Each test injects one fault
/// in the middle of the load: a worker or an api process killed with SIGKILL and started again, the broker's app
/// stopped and started, the database restarted. After a quiet period the schema and the vhost must show every
/// acknowledged write once, at most one holding reservation per item, the hot auction's bids rising in order of
/// acceptance as a sequential replay has them, an empty outbox, every ItemCreated handled by every target of its
/// rules, every sign-up mailed, and empty queues (dead letters included).
/// </summary>
/// <remarks>
/// Alone, after the parallel tests: restarting the broker or the database would break any other test using them, and
/// five processes under load want the machine's cores.
/// </remarks>
[Trait("Category", "Crash")]
[Collection(nameof(ScaleOutFaults))]
public sealed class ScaleOutFaultTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Progress = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(45);

    [Fact]
    public Task A_worker_killed_and_restarted_mid_load_loses_nothing_and_doubles_nothing() =>
        RunAsync(workers: 2, async (cluster, ledger) =>
        {
            var victim = cluster.Workers[Random.Shared.Next(cluster.Workers.Count)];
            victim.Kill().ShouldBe(ServerProcess.SigKillExitCode);
            output.WriteLine($"killed {Path.GetFileName(victim.RootDirectory)}; {ledger.Summary()}");
            await ledger.WaitForItemsAsync(10, Progress, "with one worker dead");
            await victim.StartAsync(TimeSpan.FromSeconds(60));
            output.WriteLine($"restarted it; {ledger.Summary()}");
        });

    [Fact]
    public Task An_api_process_killed_and_restarted_mid_load_loses_no_acknowledged_write() =>
        RunAsync(workers: 1, async (cluster, ledger) =>
        {
            var victim = cluster.Apis[Random.Shared.Next(cluster.Apis.Count)];
            var failuresBefore = ledger.Failures;
            victim.Kill().ShouldBe(ServerProcess.SigKillExitCode);
            output.WriteLine($"killed {Path.GetFileName(victim.RootDirectory)}; {ledger.Summary()}");
            await ledger.WaitForItemsAsync(10, Progress, "with one api process dead");
            ledger.Failures.ShouldBeGreaterThan(failuresBefore, "requests sent to the dead api process should have failed");
            await victim.StartAsync(TimeSpan.FromSeconds(60));
            output.WriteLine($"restarted it; {ledger.Summary()}");
        });

    [Fact]
    public Task A_broker_restart_mid_load_loses_nothing_and_the_pipeline_catches_up() =>
        RunAsync(workers: 1, async (_, ledger) =>
        {
            await ServiceControl.RabbitCtlAsync("stop_app");
            try
            {
                output.WriteLine($"broker stopped; {ledger.Summary()}");

                // Writes only need the database: they are acknowledged with the broker away, their events wait in the outbox.
                await ledger.WaitForItemsAsync(10, Progress, "with the broker stopped");
            }
            finally
            {
                await ServiceControl.RabbitCtlAsync("start_app");
            }

            output.WriteLine($"broker started; {ledger.Summary()}");
        });

    [Fact]
    public Task A_database_restart_mid_load_keeps_every_acknowledged_write() =>
        RunAsync(workers: 1, async (_, ledger) =>
        {
            var stopwatch = Stopwatch.StartNew();
            await ServiceControl.RestartPostgresAsync();
            output.WriteLine($"PostgreSQL restarted in {stopwatch.Elapsed.TotalSeconds:0.0} s; {ledger.Summary()}");
        });

    /// <summary>
    /// Starts the cluster and the load, lets some items through, injects <paramref name="fault"/>, waits for the load
    /// to make progress again on the healed cluster, stops the load, waits for the pipeline to drain, and checks.
    /// </summary>
    private async Task RunAsync(int workers, Func<ScaleOutCluster, ScaleOutLedger, Task> fault)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var cluster = await ScaleOutCluster.StartAsync(apis: 2, workers);
        output.WriteLine($"{cluster.Apis.Count} api + {cluster.Workers.Count} workers ready after {stopwatch.Elapsed.TotalSeconds:0.0} s; files in {cluster.Root}");
        try
        {
            var ledger = new ScaleOutLedger();
            using var load = await ScaleOutLoad.PrepareAsync(cluster, ledger);
            using var stop = new CancellationTokenSource();
            var running = load.RunAsync(stop.Token);
            try
            {
                await ledger.WaitForItemsAsync(10, Progress, "before the fault");
                output.WriteLine($"fault at {stopwatch.Elapsed.TotalSeconds:0.0} s; {ledger.Summary()}");
                await fault(cluster, ledger);
                await ledger.WaitForItemsAsync(10, Progress, "after the fault");
            }
            finally
            {
                await stop.CancelAsync();
                await running;
            }

            output.WriteLine($"load stopped at {stopwatch.Elapsed.TotalSeconds:0.0} s; {ledger.Summary()}");
            var invariants = new ScaleOutInvariants(cluster, ledger, load.HotAuctionItemId);
            var lagging = await invariants.WaitUntilDrainedAsync(DrainTimeout, output.WriteLine);
            output.WriteLine(lagging is null ? $"drained at {stopwatch.Elapsed.TotalSeconds:0.0} s" : $"not drained after {DrainTimeout.TotalSeconds:0} s: {lagging}");
            var breaches = await invariants.FindBreachesAsync();
            output.WriteLine($"{invariants.Held} verification emails are held by the lease of a sender that died (sent when it ends)");
            if (lagging is not null)
            {
                breaches.Insert(0, $"the pipeline did not drain within {DrainTimeout.TotalSeconds:0} s: {lagging}");
            }

            foreach (var line in cluster.NotableLogLines().Take(40))
            {
                output.WriteLine("  " + (line.Length > 240 ? line[..240] + " …" : line));
            }

            breaches.ShouldBeEmpty($"the shared schema and vhost break the invariants after the fault ({ledger.Summary()})");
            output.WriteLine($"passed in {stopwatch.Elapsed.TotalSeconds:0.0} s");
        }
        catch
        {
            cluster.KeepFiles = true;
            output.WriteLine($"kept {cluster.Root} for inspection");
            output.WriteLine(cluster.LogTails());
            throw;
        }
    }
}

/// <summary>Runs <see cref="ScaleOutFaultTests"/> with no other test running.</summary>
[CollectionDefinition(nameof(ScaleOutFaults), DisableParallelization = true)]
public sealed class ScaleOutFaults;
