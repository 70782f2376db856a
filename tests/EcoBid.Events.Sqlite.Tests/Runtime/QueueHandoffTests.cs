using System.Collections.Concurrent;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Monitoring;
using EcoBid.Events.Queues;
using EcoBid.Events.Rules;
using EcoBid.Events.Signals;
using EcoBid.Events.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace EcoBid.Events.Sqlite.Tests.Runtime;

/// <summary>
/// <see cref="QueueHandoff"/>: a dispatch hands messages to a running consumer of this process, written already
/// received, and stores them for a receive whenever that consumer cannot take them; delivery stays at least once.
/// </summary>
public sealed class QueueHandoffTests
{
    private static readonly RuleTarget Target = new("A", "test", new QueueSettings { BatchSize = 2, MaxReceiveCount = 3 });

    [Fact]
    public async Task A_message_for_a_running_consumer_is_handed_over_already_received_and_handled_without_a_receive()
    {
        await using var test = await SqliteTestDatabase.CreateAsync();
        var handoff = new QueueHandoff(test.Signals);
        var handler = new RowReadingHandler();
        using var monitor = new RuntimeMonitor();
        using var stop = new CancellationTokenSource();
        var consumer = Consumer(test, handler, monitor, handoff);
        var running = consumer.RunAsync(stop.Token);
        await CaughtUpAsync(handoff);

        var stored = await test.DispatchAsync(handoff, ["A"], "e1");

        stored.ShouldBeEmpty();
        await monitor.WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled && a.EventId == "e1", TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        await running;

        // Inside the handler's transaction the row said: received once, in flight. Nothing received it in between.
        handler.Seen["e1"].ShouldBe((1L, 1L));
        (await test.ScalarAsync("SELECT COUNT(*) FROM queue_messages")).ShouldBe(0);
        (await test.ScalarAsync("SELECT COUNT(*) FROM inbox WHERE consumer = 'A' AND message_key = 'e1'")).ShouldBe(1);
    }

    [Fact]
    public async Task Without_a_running_consumer_the_message_is_stored_visible_for_a_receive()
    {
        await using var test = await SqliteTestDatabase.CreateAsync();
        var handoff = new QueueHandoff(test.Signals);

        var stored = await test.DispatchAsync(handoff, ["A"], "e1");

        stored.ShouldBe(["A"]);
        (await test.ScalarAsync("SELECT COUNT(*) FROM queue_messages WHERE queue = 'A' AND receive_count = 0 AND in_flight = 0")).ShouldBe(1);
    }

    [Fact]
    public async Task A_handed_message_its_consumer_never_took_is_received_again_after_a_restart_and_handled_once()
    {
        await using var test = await SqliteTestDatabase.CreateAsync();
        var handoff = new QueueHandoff(test.Signals);
        var mailbox = handoff.Open(Target);
        mailbox.MarkCaughtUp(mailbox.StoredVersion);

        (await test.DispatchAsync(handoff, ["A"], "e1")).ShouldBeEmpty();
        mailbox.Count.ShouldBe(1);
        var handed = mailbox.Take(10).ShouldHaveSingleItem();
        mailbox.Close(); // the process dies holding it

        // Next start: in-flight messages become visible again, with the receive the handover counted.
        var queue = new SqliteMessageQueue(test.Database, test.Signals);
        (await queue.ReleaseInFlightAsync(CancellationToken.None)).ShouldBe(1);
        var handler = new RowReadingHandler();
        using var monitor = new RuntimeMonitor();
        var consumer = Consumer(test, handler, monitor, handoff: null);
        (await consumer.ConsumeOnceAsync(CancellationToken.None)).ShouldBe(1);
        handler.Seen["e1"].ShouldBe((2L, 1L));

        // Had the first process lived on and handled its copy late, the inbox would have kept the effect single.
        await test.Database.WriteAsync(async scope =>
        {
            (await new SqliteInbox().TryMarkProcessedAsync(scope, "A", handed.MessageKey)).ShouldBeFalse();
            return 0;
        });
        handler.Calls.ShouldBe(1);
    }

    [Fact]
    public void A_full_mailbox_stores_the_message_and_takes_none_again_until_a_receive_has_caught_up()
    {
        var handoff = new QueueHandoff(new RuntimeSignals());
        var mailbox = handoff.Open(Target);
        handoff.TryReserve("A").ShouldBeNull("a consumer that has not received yet may have a backlog");
        mailbox.MarkCaughtUp(mailbox.StoredVersion);

        handoff.TryReserve("A").ShouldBeSameAs(mailbox);
        handoff.TryReserve("A").ShouldBeSameAs(mailbox);
        var beforeOverflow = mailbox.StoredVersion;
        handoff.TryReserve("A").ShouldBeNull("room for one batch per consumer, and the batch size is 2");

        mailbox.Release();
        handoff.TryReserve("A").ShouldBeNull("a message was stored ahead: later ones must not overtake it");
        mailbox.MarkCaughtUp(beforeOverflow);
        handoff.TryReserve("A").ShouldBeNull("a receive that began before the overflow may have missed the stored message");
        mailbox.MarkCaughtUp(mailbox.StoredVersion);
        handoff.TryReserve("A").ShouldBeSameAs(mailbox);

        handoff.TryReserve("B").ShouldBeNull("no consumer of B runs here");
        mailbox.Close();
        handoff.TryReserve("A").ShouldBeNull("its last consumer stopped");
    }

    [Fact]
    public async Task A_dispatch_that_fails_gives_its_reserved_room_back()
    {
        await using var test = await SqliteTestDatabase.CreateAsync();
        var handoff = new QueueHandoff(test.Signals);
        var mailbox = handoff.Open(Target);
        mailbox.MarkCaughtUp(mailbox.StoredVersion);
        var outbox = new SqliteOutboxStore(test.Database, handoff);
        var fine = new Outbox.RoutedEvent(1, "e1", "ecobid.tests", "Tested", DateTimeOffset.UtcNow, "{}", ["A"]);
        var broken = new Outbox.RoutedEvent(2, "e2", "ecobid.tests", "Tested", DateTimeOffset.UtcNow, null!, ["A"]);

        // The first event reserves room and is written; the second breaks the archive's NOT NULL: nothing commits.
        await Should.ThrowAsync<Microsoft.Data.Sqlite.SqliteException>(() => outbox.DispatchAsync([fine, broken], CancellationToken.None));

        mailbox.Count.ShouldBe(0);
        (await test.ScalarAsync("SELECT COUNT(*) FROM queue_messages")).ShouldBe(0);
        handoff.TryReserve("A").ShouldBeSameAs(mailbox);
        handoff.TryReserve("A").ShouldBeSameAs(mailbox, "both slots are free again");
    }

    private static QueueConsumer Consumer(SqliteTestDatabase test, IEventHandler handler, RuntimeMonitor monitor, QueueHandoff? handoff) => new(
        Target, handler, new SqliteMessageQueue(test.Database, test.Signals), new SqliteInbox(), test.Database, test.Signals, monitor,
        TimeProvider.System, new RuntimeOptions { IdleRecheck = TimeSpan.FromSeconds(30) }, NullLogger.Instance, handoff);

    /// <summary>A fresh consumer receives once at start (the store may hold anything); then it takes handed messages.</summary>
    private static async Task CaughtUpAsync(QueueHandoff handoff)
    {
        var mailbox = handoff.Open(Target);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!mailbox.TakesHandoffs)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the consumer's first receive did not happen");
            await Task.Delay(10);
        }

        mailbox.Close();
    }

    /// <summary>Reads, inside its own transaction, the receive count and in-flight mark of the row it is handling.</summary>
    private sealed class RowReadingHandler : IEventHandler
    {
        private int _calls;

        public ConcurrentDictionary<string, (long ReceiveCount, long InFlight)> Seen { get; } = new();

        public int Calls => _calls;

        public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            await using var command = scope.Command("SELECT receive_count, in_flight FROM queue_messages WHERE event_id = $id", ("$id", envelope.Id));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            (await reader.ReadAsync(cancellationToken)).ShouldBeTrue();
            Seen[envelope.Id] = (reader.GetInt64(0), reader.GetInt64(1));
        }
    }
}
