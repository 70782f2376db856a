using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using EcoBid.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace EcoBid.Server.Tests.Crash;

/// <summary>
/// Invariants 1, 2 and 4 against the real executable: several clients post items while the server is killed with
/// SIGKILL at random moments, three times over; after a last restart the pipeline drains, and the SQLite file must
/// show every acknowledged item, each with exactly one ItemCreated, handled exactly once by every target.
/// </summary>
[Trait("Category", "Crash")]
public sealed class KillNineTests(ITestOutputHelper output)
{
    private const int Writers = 4;
    private const int KillCycles = 3;
    private const string SeedVariable = "ECOBID_CRASH_SEED";

    private static readonly string[] Targets = ["ProcessNewItem", "Index", "Moderate", "UpdateStats"];
    private static readonly string[] Categories = ["furniture", "electronics", "clothing", "books", "toys", "kitchen", "garden", "sports", "tools", "baby", "home", "other"];
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Kill_9_during_concurrent_item_writes_loses_nothing_and_doubles_nothing()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), CultureInfo.InvariantCulture, out var fixedSeed) ? fixedSeed : Random.Shared.Next();
        var random = new Random(seed);
        var ledger = new WriteLedger();
        var stopwatch = Stopwatch.StartNew();
        await using var server = ServerProcess.Create();
        output.WriteLine($"seed {seed} (set {SeedVariable} to repeat the kill schedule); server {server.BaseAddress}, files in {server.RootDirectory}");
        try
        {
            await server.StartAsync();
            for (var cycle = 1; cycle <= KillCycles; cycle++)
            {
                // Anywhere from right after start-up (redelivery of what the last kill left in flight) to deep in a stream.
                await WriteAndKillAsync(server, ledger, cycle, killAfter: random.Next(1, 300));
                await server.StartAsync();
            }

            await WaitUntilDrainedAsync(server);
            var stopCode = await server.StopAsync();
            output.WriteLine($"drained and stopped (exit code {stopCode}) after {stopwatch.Elapsed.TotalSeconds:0.0} s");
            foreach (var line in File.ReadLines(server.LogPath).Where(l => l.StartsWith("=====", StringComparison.Ordinal) || l.Contains("visible again", StringComparison.Ordinal)))
            {
                output.WriteLine("  server: " + line);
            }

            var snapshot = await PipelineSnapshot.ReadAsync(server.DatabasePath);
            output.WriteLine(
                $"{ledger.Attempts} POSTs: {ledger.Acknowledged.Count} acknowledged, {ledger.Unknown.Count} cut off; " +
                $"{snapshot.Items.Count} items stored, {snapshot.ArchivedItemCreated.Count} ItemCreated archived");

            var breaches = FindBreaches(snapshot, ledger);
            breaches.ShouldBeEmpty($"the database after {KillCycles} kill -9s breaks the invariants (seed {seed})");
        }
        catch
        {
            server.KeepRootDirectory = true;
            output.WriteLine($"kept {server.RootDirectory} for inspection");
            output.WriteLine(server.LogTail());
            throw;
        }
    }

    /// <summary>Four clients post items; once <paramref name="killAfter"/> have been acknowledged the server is killed mid-stream.</summary>
    private async Task WriteAndKillAsync(ServerProcess server, WriteLedger ledger, int cycle, int killAfter)
    {
        using var client = server.CreateClient(TimeSpan.FromSeconds(10));
        using var stop = new CancellationTokenSource();
        var trigger = new KillTrigger(killAfter);
        var acknowledgedBefore = ledger.Acknowledged.Count;
        var unknownBefore = ledger.Unknown.Count;
        var writers = Enumerable.Range(1, Writers)
            .Select(writer => Task.Run(() => WriteLoopAsync(client, cycle, writer, ledger, trigger, stop.Token)))
            .ToArray();
        try
        {
            var first = await Task.WhenAny(trigger.Reached.Task, Task.WhenAll(writers)).WaitAsync(TimeSpan.FromSeconds(30));
            if (first != trigger.Reached.Task)
            {
                throw new InvalidOperationException($"Run {cycle}: every client stopped (the server stopped answering) before {killAfter} writes were acknowledged.");
            }

            var exitCode = server.Kill(); // the clients keep writing while it dies
            exitCode.ShouldBe(ServerProcess.SigKillExitCode, "the server should have been ended by SIGKILL");
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        output.WriteLine(
            $"run {cycle}: SIGKILL after {killAfter} acknowledged writes; in all {ledger.Acknowledged.Count - acknowledgedBefore} acknowledged, " +
            $"{ledger.Unknown.Count - unknownBefore} cut off");
    }

    /// <summary>Posts items in a loop until stopped or the server stops answering (then this client's last write is cut off).</summary>
    private static async Task WriteLoopAsync(HttpClient client, int cycle, int writer, WriteLedger ledger, KillTrigger trigger, CancellationToken stop)
    {
        for (var n = 1; !stop.IsCancellationRequested; n++)
        {
            var title = $"Kill test item {cycle}.{writer}.{n}";
            var body = new
            {
                title,
                description = $"Posted by client {writer} in run {cycle}; sturdy and clean.",
                category = Categories[(writer + n) % Categories.Length],
                mode = n % 2 == 0 ? "free" : "auction",
                location = new { lat = 52.0 + (n % 100 / 1000.0), lon = 4.3 + (writer / 100.0) },
            };
            ledger.CountAttempt();
            try
            {
                using var response = await client.PostAsJsonAsync(new Uri("items", UriKind.Relative), body, stop);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    ledger.Acknowledged[title] = response.Headers.Location?.OriginalString.Split('/')[^1] ?? string.Empty;
                    trigger.Acknowledge();
                }
                else
                {
                    ledger.Unexpected.Enqueue($"{title}: {(int)response.StatusCode} {await ReadQuietlyAsync(response)}");
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                ledger.Unknown.Enqueue(title);
                return;
            }
        }
    }

    /// <summary>Polls until the outbox is empty and no target has a visible, in-flight or delayed message.</summary>
    private async Task WaitUntilDrainedAsync(ServerProcess server)
    {
        using var client = server.CreateClient(TimeSpan.FromSeconds(5));
        var stopwatch = Stopwatch.StartNew();
        var state = "not polled";
        while (stopwatch.Elapsed < DrainTimeout)
        {
            // Outbox first: no writes are running, so once it is empty it stays empty, and the queues read after it
            // hold everything that was ever dispatched.
            var outbox = await PipelineSnapshot.CountOutboxAsync(server.DatabasePath);
            var queues = await client.GetFromJsonAsync<List<QueueState>>(new Uri("admin/queues", UriKind.Relative)) ?? [];
            if (outbox == 0 && queues.All(q => q.Visible == 0 && q.InFlight == 0 && q.Delayed == 0))
            {
                output.WriteLine($"drained in {stopwatch.Elapsed.TotalSeconds:0.0} s after the last restart");
                return;
            }

            state = $"outbox {outbox}; " + string.Join(", ", queues.Select(q => $"{q.Queue} {q.Visible}/{q.InFlight}/{q.Delayed}/{q.DeadLettered}"));
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        throw new TimeoutException($"The pipeline did not drain within {DrainTimeout.TotalSeconds:0} s; last seen {state} (visible/in flight/delayed/dead).");
    }

    private static List<string> FindBreaches(PipelineSnapshot db, WriteLedger ledger)
    {
        var breaches = new List<string>();
        var itemsById = db.Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var itemsByTitle = db.Items.GroupBy(i => i.Title, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var posted = ledger.Acknowledged.Keys.Concat(ledger.Unknown).ToHashSet(StringComparer.Ordinal);

        Report(breaches, ledger.Unexpected, "valid POSTs were answered with something other than 201");

        // Nothing acknowledged is lost; nothing is stored twice or out of nowhere.
        Report(breaches, ledger.Acknowledged.Where(a => !itemsByTitle.ContainsKey(a.Key)).Select(a => $"{a.Key} ({a.Value})"), "acknowledged items are missing");
        Report(breaches, ledger.Acknowledged.Where(a => itemsByTitle.TryGetValue(a.Key, out var stored) && stored.All(i => i.Id != a.Value)).Select(a => $"{a.Key} ({a.Value})"), "acknowledged items are stored under another id");
        Report(breaches, itemsByTitle.Where(t => t.Value.Count > 1).Select(t => $"{t.Key} ×{t.Value.Count}"), "items are stored more than once");
        Report(breaches, db.Items.Where(i => !posted.Contains(i.Title)).Select(i => i.Title), "stored items were never posted");

        // No state without its event, no event without its state.
        var eventsByItem = db.ArchivedItemCreated.GroupBy(e => e.ItemId ?? "(no itemId)", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Report(breaches, db.Items.Where(i => !eventsByItem.ContainsKey(i.Id)).Select(i => i.Id), "items have no archived ItemCreated (state without its event)");
        Report(breaches, eventsByItem.Where(e => e.Value > 1).Select(e => $"{e.Key} ×{e.Value}"), "items have more than one archived ItemCreated");
        Report(breaches, eventsByItem.Keys.Where(id => !itemsById.ContainsKey(id)), "archived ItemCreated events name no stored item (event without its state)");

        // Every target reached every event, and its effect happened once.
        Report(breaches, db.Items.Where(i => i.ProcessedAt is null || i.ExpiresAt is null).Select(i => i.Id), "items were not completed by ProcessNewItem");
        Report(breaches, db.Items.Where(i => i.Moderation == "pending").Select(i => i.Id), "items were not moderated");
        var searchRows = db.SearchRows.GroupBy(id => id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Report(breaches, db.Items.Where(i => searchRows.GetValueOrDefault(i.Id) != 1).Select(i => $"{i.Id} ×{searchRows.GetValueOrDefault(i.Id)}"), "items do not have exactly one search row");
        Report(breaches, searchRows.Keys.Where(id => !itemsById.ContainsKey(id)), "search rows name no stored item");

        var eventIds = db.ArchivedItemCreated.Select(e => e.EventId).ToHashSet(StringComparer.Ordinal);
        foreach (var target in Targets)
        {
            var handled = db.Inbox.Where(r => r.Consumer == target).Select(r => r.MessageKey).ToList();
            Report(breaches, eventIds.Except(handled, StringComparer.Ordinal), $"ItemCreated events were never handled by {target} (no inbox row)");
            Report(breaches, handled.Except(eventIds, StringComparer.Ordinal), $"{target} inbox rows name no archived ItemCreated");
            Report(breaches, handled.GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key), $"events have more than one {target} inbox row");
        }

        // UpdateStats counted each event exactly once: totals and the per-category and per-mode split.
        var expectedCounters = new Dictionary<string, long>(StringComparer.Ordinal) { ["events.ItemCreated"] = db.Items.Count };
        foreach (var group in db.Items.GroupBy(i => "items.category." + i.Category).Concat(db.Items.GroupBy(i => "items.mode." + i.Mode)))
        {
            expectedCounters[group.Key] = group.Count();
        }

        Report(breaches, expectedCounters.Where(e => db.Counters.GetValueOrDefault(e.Key) != e.Value).Select(e => $"{e.Key} is {db.Counters.GetValueOrDefault(e.Key)}, expected {e.Value}"), "statistics counters are off");
        Report(breaches, db.Counters.Where(c => !expectedCounters.ContainsKey(c.Key)).Select(c => $"{c.Key} = {c.Value}"), "statistics counters count something never posted");

        // Nothing is left behind.
        Report(breaches, db.QueueMessages.Select(m => $"#{m.Id} {m.Queue} event {m.EventId}, {m.ReceiveCount} receives{(m.DeadLettered ? ", dead-lettered" : string.Empty)}: {m.LastError}"), "messages are left in queue_messages");
        if (db.OutboxCount != 0)
        {
            breaches.Add($"{db.OutboxCount} events are left in the outbox");
        }

        return breaches;
    }

    private static void Report(List<string> breaches, IEnumerable<string> offenders, string what)
    {
        var all = offenders.ToList();
        if (all.Count > 0)
        {
            breaches.Add($"{all.Count} {what}: {string.Join("; ", all.Take(10))}{(all.Count > 10 ? "; …" : string.Empty)}");
        }
    }

    private static async Task<string> ReadQuietlyAsync(HttpResponseMessage response)
    {
        try
        {
            return await response.Content.ReadAsStringAsync();
        }
        catch (HttpRequestException)
        {
            return "(body cut off)";
        }
    }

    private sealed record QueueState(string Queue, long Visible, long InFlight, long Delayed, long DeadLettered);

    /// <summary>Completes once the given number of writes has been acknowledged.</summary>
    private sealed class KillTrigger(int after)
    {
        private int _acknowledged;

        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Acknowledge()
        {
            if (Interlocked.Increment(ref _acknowledged) == after)
            {
                Reached.TrySetResult();
            }
        }
    }
}
