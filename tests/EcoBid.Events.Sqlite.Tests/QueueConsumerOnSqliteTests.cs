using System.Collections.Concurrent;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Monitoring;
using EcoBid.Events.Queues;
using EcoBid.Events.Rules;
using EcoBid.Events.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace EcoBid.Events.Sqlite.Tests;

public sealed class QueueConsumerOnSqliteTests
{
    [Fact]
    public async Task A_running_consumer_handles_every_message_once_and_dead_letters_the_one_that_always_fails()
    {
        await using var test = await SqliteTestDatabase.CreateAsync();
        var handler = new RecordingHandler(poison: "e3");
        using var monitor = new RuntimeMonitor();
        var settings = new QueueSettings
        {
            BatchSize = 2,
            MaxReceiveCount = 2,
            BackoffBase = TimeSpan.FromMilliseconds(10),
            BackoffCap = TimeSpan.FromMilliseconds(20),
        };

        // A long idle re-check: every wake-up below must come from a signal or a retry's visibility time.
        var consumer = new QueueConsumer(
            new RuleTarget("A", "test", settings), handler, new SqliteMessageQueue(test.Database, test.Signals), new SqliteInbox(),
            test.Database, test.Signals, monitor, TimeProvider.System, new RuntimeOptions { IdleRecheck = TimeSpan.FromSeconds(30) },
            NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var running = consumer.RunAsync(stop.Token);

        await test.EnqueueAsync(["A"], "e1", "e2", "e3", "e4", "e5");
        test.Signals.Queue("A").Set();
        await monitor.WaitForAsync(a => a.Kind == RuntimeActivityKind.DeadLettered && a.EventId == "e3", TimeSpan.FromSeconds(10));
        await Eventually(() => handler.Handled.Count == 4);

        // Idle now; a later dispatch wakes it.
        await test.EnqueueAsync(["A"], "e6");
        test.Signals.Queue("A").Set();
        await Eventually(() => handler.Handled.Count == 5);

        await stop.CancelAsync();
        await running;
        handler.Handled.ShouldBe(["e1", "e2", "e4", "e5", "e6"], ignoreOrder: true);
        handler.Attempts["e3"].ShouldBe(2);
        (await test.ScalarAsync("SELECT COUNT(*) FROM inbox WHERE consumer = 'A'")).ShouldBe(5);
        (await test.ScalarAsync("SELECT COUNT(*) FROM queue_messages WHERE queue = 'A'")).ShouldBe(0);
        (await test.ScalarAsync("SELECT COUNT(*) FROM queue_messages WHERE queue = 'A.dlq' AND event_id = 'e3' AND receive_count = 2")).ShouldBe(1);
    }

    [Fact]
    public async Task A_message_moved_away_during_its_last_handling_is_not_announced_as_a_dead_letter()
    {
        await using var test = await SqliteTestDatabase.CreateAsync();
        using var monitor = new RuntimeMonitor();
        var settings = new QueueSettings { BatchSize = 1, MaxReceiveCount = 1 };
        // While this receive works (outside the transaction), another consumer's receive finds its visibility timeout
        // passed on the last allowed receive and moves it to the DLQ, as SQS does; then this handling fails.
        var handler = new MovedAwayHandler(() => test.Database.WriteAsync(async scope =>
        {
            await using var move = scope.Command("UPDATE queue_messages SET queue = 'A.dlq', source_queue = 'A', dead_lettered_at = 0 WHERE event_id = 'e1'");
            return await move.ExecuteNonQueryAsync();
        }));
        var consumer = new QueueConsumer(
            new RuleTarget("A", "test", settings), handler, new SqliteMessageQueue(test.Database, test.Signals), new SqliteInbox(),
            test.Database, test.Signals, monitor, TimeProvider.System, new RuntimeOptions(), NullLogger.Instance);
        await test.EnqueueAsync(["A"], "e1");

        (await consumer.ConsumeOnceAsync(CancellationToken.None)).ShouldBe(1);

        (await monitor.WaitForAsync(a => a.EventId == "e1", TimeSpan.FromSeconds(10))).Kind.ShouldBe(RuntimeActivityKind.Failed);
        (await test.ScalarAsync("SELECT COUNT(*) FROM outbox WHERE envelope LIKE '%ErrorOccurred%'")).ShouldBe(0);
        (await test.ScalarAsync("SELECT COUNT(*) FROM queue_messages WHERE queue = 'A.dlq' AND event_id = 'e1'")).ShouldBe(1);
    }

    private sealed class MovedAwayHandler(Func<Task<int>> moveAway) : IPreparingEventHandler
    {
        public async Task<object?> PrepareAsync(EventEnvelope envelope, CancellationToken cancellationToken) => await moveAway();

        public Task HandleAsync(EventEnvelope envelope, object? prepared, IWriteScope scope, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the item is gone");
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the consumer did not get there in time");
            await Task.Delay(10);
        }
    }

    private sealed class RecordingHandler(string poison) : IEventHandler
    {
        public ConcurrentQueue<string> Handled { get; } = new();

        public ConcurrentDictionary<string, int> Attempts { get; } = new();

        public Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
        {
            Attempts.AddOrUpdate(envelope.Id, 1, (_, n) => n + 1);
            if (envelope.Id == poison)
            {
                throw new InvalidOperationException("poison");
            }

            Handled.Enqueue(envelope.Id);
            return Task.CompletedTask;
        }
    }
}
