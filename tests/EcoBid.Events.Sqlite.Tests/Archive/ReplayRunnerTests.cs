using EcoBid.Events.Archive;
using EcoBid.Events.Envelope;
using EcoBid.Events.Queues;
using EcoBid.Events.Rules;
using EcoBid.Events.Sqlite.Tests.Infrastructure;
using EcoBid.Events.Storage;

namespace EcoBid.Events.Sqlite.Tests.Archive;

public sealed class ReplayRunnerTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly RuleSet Rules = RuleSetLoader.Parse("""
        {
          "targets": { "Index": {}, "Stats": {} },
          "rules": [
            { "name": "Items", "eventPattern": { "source": ["ecobid.items"] }, "targets": ["Index", "Stats"] },
            { "name": "Everything", "eventPattern": { "source": [{ "prefix": "ecobid." }] }, "targets": ["Stats"] }
          ]
        }
        """);

    private readonly RuntimeFile _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task A_replay_resumes_after_a_restart_from_its_last_batch_and_delivers_each_event_once_per_target()
    {
        var before = await _file.ConnectAsync();
        await before.ArchiveAsync(Items(5));
        await StartAsync(before, "resume");

        var runner = before.Runner(Rules, batchSize: 2);
        (await runner.RunBatchAsync("resume", CancellationToken.None)).ShouldBe(ReplayStep.Continued);
        (await runner.RunBatchAsync("resume", CancellationToken.None)).ShouldBe(ReplayStep.Continued);
        var halfway = (await before.Replays.FindAsync("resume", CancellationToken.None))!;
        halfway.State.ShouldBe(ReplayState.Running);
        (halfway.Total, halfway.Scanned, halfway.Matched, halfway.Delivered).ShouldBe((5L, 4L, 4L, 8L));
        halfway.Position.ShouldBe(new ArchivePosition(T0.AddSeconds(3), 4));
        before.Dispose();

        // The process stopped between batches; a new one finds the running replay and carries on.
        var after = await _file.ConnectAsync();
        var next = await after.Replays.NextActiveAsync(CancellationToken.None);
        next!.Name.ShouldBe("resume");
        await after.Runner(Rules, batchSize: 2).RunAsync("resume", CancellationToken.None);

        var done = (await after.Replays.FindAsync("resume", CancellationToken.None))!;
        done.State.ShouldBe(ReplayState.Completed);
        (done.Total, done.Scanned, done.Matched, done.Delivered).ShouldBe((5L, 5L, 5L, 10L));
        done.FinishedAt.ShouldNotBeNull();

        var messages = await after.MessagesAsync();
        messages.Count.ShouldBe(10);
        messages.Select(m => (m.Queue, m.MessageKey)).Distinct().Count().ShouldBe(10);
        messages.Where(m => m.Queue == "Index").Select(m => m.EventId).ShouldBe(["i0", "i1", "i2", "i3", "i4"]);
        messages.ShouldAllBe(m => m.MessageKey == m.EventId + "#replay:resume");
        messages.ShouldAllBe(m => EventEnvelope.FromJson(m.Body).ReplayName == "resume");
        (await after.Replays.NextActiveAsync(CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task A_crash_inside_a_batch_rolls_the_whole_batch_back_so_the_retry_delivers_it_once()
    {
        var node = await _file.ConnectAsync();
        await node.ArchiveAsync(Items(3));
        await StartAsync(node, "crash");

        var failing = new FailingQueue(node.Queue, call => call == 4);
        await Should.ThrowAsync<IOException>(() => node.Runner(Rules, batchSize: 10, failing).RunBatchAsync("crash", CancellationToken.None));

        var untouched = (await node.Replays.FindAsync("crash", CancellationToken.None))!;
        (untouched.State, untouched.Scanned, untouched.Delivered, untouched.Position).ShouldBe((ReplayState.Running, 0L, 0L, (ArchivePosition?)null));
        (await node.MessagesAsync()).ShouldBeEmpty();

        (await node.Runner(Rules, batchSize: 10).RunBatchAsync("crash", CancellationToken.None)).ShouldBe(ReplayStep.Finished);
        (await node.MessagesAsync()).Count.ShouldBe(6);
    }

    [Fact]
    public async Task A_cancelled_replay_stops_before_its_next_batch_and_keeps_its_progress()
    {
        var node = await _file.ConnectAsync();
        await node.ArchiveAsync(Items(6));
        await StartAsync(node, "cancel-me");
        var runner = node.Runner(Rules, batchSize: 2);
        (await runner.RunBatchAsync("cancel-me", CancellationToken.None)).ShouldBe(ReplayStep.Continued);

        var cancelled = await node.Service(Rules).CancelAsync("cancel-me", CancellationToken.None);

        cancelled!.State.ShouldBe(ReplayState.Cancelled);
        (await runner.RunBatchAsync("cancel-me", CancellationToken.None)).ShouldBe(ReplayStep.Stopped);
        await runner.RunAsync("cancel-me", CancellationToken.None);
        var after = (await node.Replays.FindAsync("cancel-me", CancellationToken.None))!;
        (after.State, after.Scanned, after.Delivered).ShouldBe((ReplayState.Cancelled, 2L, 4L));
        (await node.MessagesAsync()).Count.ShouldBe(4);
        (await node.Replays.NextActiveAsync(CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task A_replay_cancelled_while_pending_never_starts()
    {
        var node = await _file.ConnectAsync();
        await node.ArchiveAsync(Items(2));
        await StartAsync(node, "never");
        await node.Service(Rules).CancelAsync("never", CancellationToken.None);

        (await node.Runner(Rules, batchSize: 10).RunBatchAsync("never", CancellationToken.None)).ShouldBe(ReplayStep.Stopped);

        var replay = (await node.Replays.FindAsync("never", CancellationToken.None))!;
        (replay.State, replay.StartedAt, replay.Scanned).ShouldBe((ReplayState.Cancelled, (DateTimeOffset?)null, 0L));
        (await node.MessagesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Pattern_and_targets_narrow_what_is_delivered_and_rules_still_decide_the_rest()
    {
        var node = await _file.ConnectAsync();
        await node.ArchiveAsync(
            RuntimeNode.Event("chair", T0, detail: """{"category":"furniture"}"""),
            RuntimeNode.Event("bike", T0.AddSeconds(1), detail: """{"category":"sports"}"""),
            RuntimeNode.Event("rated", T0.AddSeconds(2), source: "ecobid.users", detailType: "UserRated"),
            RuntimeNode.Event("foreign", T0.AddSeconds(3), source: "elsewhere"));
        var service = node.Service(Rules);
        var range = (T0, T0.AddMinutes(1));

        await StartAsync(node, "furniture", range, pattern: """{"detail":{"category":["furniture"]}}""");
        await StartAsync(node, "stats-only", range, targets: ["Stats"]);
        await StartAsync(node, "index-only", range, targets: ["Index"]);
        var runner = node.Runner(Rules, batchSize: 10);
        foreach (var name in new[] { "furniture", "stats-only", "index-only" })
        {
            await runner.RunAsync(name, CancellationToken.None);
        }

        var messages = await node.MessagesAsync();
        Delivered(messages, "furniture").ShouldBe(["Index:chair", "Stats:chair"]);
        Delivered(messages, "stats-only").ShouldBe(["Stats:bike", "Stats:chair", "Stats:rated"]);
        Delivered(messages, "index-only").ShouldBe(["Index:bike", "Index:chair"]);

        var furniture = (await service.FindAsync("furniture", CancellationToken.None))!;
        (furniture.Total, furniture.Scanned, furniture.Matched, furniture.Delivered).ShouldBe((4L, 4L, 1L, 2L));
        var statsOnly = (await service.FindAsync("stats-only", CancellationToken.None))!;
        (statsOnly.Matched, statsOnly.Delivered).ShouldBe((3L, 3L));
    }

    [Fact]
    public async Task Rules_see_the_replay_name_so_a_rule_can_keep_its_target_out_of_replays()
    {
        var rules = RuleSetLoader.Parse("""
            {
              "targets": { "Index": {}, "Notify": {} },
              "rules": [
                { "name": "Index", "eventPattern": { "source": ["ecobid.items"] }, "targets": ["Index"] },
                { "name": "LiveOnly", "eventPattern": { "source": ["ecobid.items"], "replay-name": [{ "exists": false }] }, "targets": ["Notify"] }
              ]
            }
            """);
        var node = await _file.ConnectAsync();
        await node.ArchiveAsync(Items(2));
        (await node.Service(rules).StartAsync(new ReplayRequest("no-notify", T0, T0.AddHours(1), null, null), CancellationToken.None)).Started.ShouldNotBeNull();

        await node.Runner(rules, batchSize: 10).RunAsync("no-notify", CancellationToken.None);

        (await node.MessagesAsync()).Select(m => m.Queue).ShouldBe(["Index", "Index"]);
    }

    [Fact]
    public async Task Two_processes_running_the_same_replay_never_deliver_an_event_twice()
    {
        var first = await _file.ConnectAsync();
        var second = await _file.ConnectAsync();
        await first.ArchiveAsync(Items(40));
        await StartAsync(first, "race");

        await Task.WhenAll(
            Task.Run(() => first.Runner(Rules, batchSize: 3).RunAsync("race", CancellationToken.None)),
            Task.Run(() => second.Runner(Rules, batchSize: 3).RunAsync("race", CancellationToken.None)));
        while ((await first.Replays.FindAsync("race", CancellationToken.None))!.State == ReplayState.Running)
        {
            // A runner that lost a race stops; whichever is left, or a third, carries on.
            await first.Runner(Rules, batchSize: 3).RunAsync("race", CancellationToken.None);
        }

        var messages = await first.MessagesAsync();
        messages.Count.ShouldBe(80);
        messages.Select(m => (m.Queue, m.MessageKey)).Distinct().Count().ShouldBe(80);
        (await first.Replays.FindAsync("race", CancellationToken.None))!.Delivered.ShouldBe(80);
    }

    [Fact]
    public async Task A_replay_whose_batches_keep_failing_is_marked_failed_with_the_error()
    {
        var node = await _file.ConnectAsync();
        await node.ArchiveAsync(Items(2));
        await StartAsync(node, "doomed");
        var broken = new FailingQueue(node.Queue, _ => true);

        await node.Runner(Rules, batchSize: 10, broken).RunAsync("doomed", CancellationToken.None);

        var replay = (await node.Replays.FindAsync("doomed", CancellationToken.None))!;
        replay.State.ShouldBe(ReplayState.Failed);
        replay.Error.ShouldBe("IOException: the disk is full");
        broken.Calls.ShouldBe(ReplayRunner.MaxBatchAttempts);
        (await node.MessagesAsync()).ShouldBeEmpty();
    }

    private static EventEnvelope[] Items(int count) =>
        [.. Enumerable.Range(0, count).Select(i => RuntimeNode.Event($"i{i}", T0.AddSeconds(i)))];

    private static List<string> Delivered(List<RuntimeNode.QueuedRow> messages, string replay) =>
        [.. messages.Where(m => m.MessageKey.EndsWith("#replay:" + replay, StringComparison.Ordinal)).Select(m => $"{m.Queue}:{m.EventId}").Order(StringComparer.Ordinal)];

    private static async Task StartAsync(
        RuntimeNode node, string name, (DateTimeOffset From, DateTimeOffset To)? range = null, string? pattern = null, IReadOnlyList<string>? targets = null)
    {
        var (from, to) = range ?? (T0, T0.AddHours(1));
        var result = await node.Service(Rules).StartAsync(new ReplayRequest(name, from, to, pattern, targets), CancellationToken.None);
        result.Started.ShouldNotBeNull(string.Join("; ", result.Errors?.Select(e => $"{e.Key}: {string.Join(' ', e.Value)}") ?? []));
    }

    /// <summary>A queue whose chosen enqueue calls throw, as a full disk or a killed process would stop the transaction.</summary>
    private sealed class FailingQueue(IMessageQueue inner, Func<int, bool> failOnCall) : IMessageQueue
    {
        public int Calls { get; private set; }

        public Task EnqueueAsync(IWriteScope scope, string queue, string eventId, string messageKey, string body) =>
            failOnCall(++Calls) ? throw new IOException("the disk is full") : inner.EnqueueAsync(scope, queue, eventId, messageKey, body);

        public Task<IReadOnlyList<QueueMessage>> ReceiveAsync(string queue, QueueSettings settings, CancellationToken cancellationToken) => inner.ReceiveAsync(queue, settings, cancellationToken);

        public Task AcknowledgeAsync(IWriteScope scope, QueueMessage message) => inner.AcknowledgeAsync(scope, message);

        public Task ReleaseAsync(IWriteScope scope, QueueMessage message, TimeSpan delay, string reason) => inner.ReleaseAsync(scope, message, delay, reason);

        public Task<bool> DeadLetterAsync(IWriteScope scope, QueueMessage message, string reason) => inner.DeadLetterAsync(scope, message, reason);

        public Task DeadLetterNewAsync(IWriteScope scope, string queue, string eventId, string messageKey, string body, string reason) =>
            inner.DeadLetterNewAsync(scope, queue, eventId, messageKey, body, reason);

        public Task<DateTimeOffset?> NextVisibleAtAsync(string queue, CancellationToken cancellationToken) => inner.NextVisibleAtAsync(queue, cancellationToken);

        public Task<IReadOnlyList<QueueStats>> GetStatsAsync(CancellationToken cancellationToken) => inner.GetStatsAsync(cancellationToken);

        public Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(string queue, int max, CancellationToken cancellationToken) => inner.ListDeadLettersAsync(queue, max, cancellationToken);

        public Task<int> RedriveAsync(string queue, IReadOnlyCollection<long>? ids, int max, CancellationToken cancellationToken) => inner.RedriveAsync(queue, ids, max, cancellationToken);

        public Task<int> PurgeDeadLettersAsync(string queue, CancellationToken cancellationToken) => inner.PurgeDeadLettersAsync(queue, cancellationToken);
    }
}
