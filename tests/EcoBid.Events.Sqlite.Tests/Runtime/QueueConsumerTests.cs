using System.Text.Json;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Monitoring;
using EcoBid.Events.Queues;
using EcoBid.Events.Contracts;
using EcoBid.Events.Storage;

namespace EcoBid.Events.Sqlite.Tests.Runtime;

/// <summary>
/// <see cref="QueueConsumer"/> driven one batch at a time: effects happen once (invariant 2), one failure rolls back
/// only its own message, retries back off and end in the dead-letter queue, and targets never block each other.
/// </summary>
public sealed class QueueConsumerTests : IAsyncLifetime
{
    private RuntimeHarness _runtime = null!;

    public async Task InitializeAsync() => _runtime = await RuntimeHarness.StartAsync();

    public async Task DisposeAsync() => await _runtime.DisposeAsync();

    [Fact]
    public async Task A_message_is_handled_committed_and_acknowledged()
    {
        var handler = new RecordingHandler("Index");
        var created = TestEvents.Create("ItemCreated");
        await _runtime.PublishAndRelayAsync(created);

        (await _runtime.Consumer("Index", handler).ConsumeOnceAsync(CancellationToken.None)).ShouldBe(1);

        var handled = await _runtime.WaitForAsync(RuntimeActivityKind.Handled, created.Id, "Index");
        handled.ReceiveCount.ShouldBe(1);
        (await _runtime.EffectsAsync("Index", created.Id)).ShouldBe(1);
        _runtime.Clock.Advance(TimeSpan.FromHours(1));
        (await _runtime.Consumer("Index", handler).ConsumeOnceAsync(CancellationToken.None)).ShouldBe(0);
        handler.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task The_same_event_delivered_twice_in_one_batch_is_handled_once()
    {
        var handler = new RecordingHandler("Index");
        var created = TestEvents.Create("ItemCreated");
        await _runtime.PublishAsync(created);
        await _runtime.PublishAsync(created);
        await _runtime.RelayOnceAsync();

        (await _runtime.Consumer("Index", handler).ConsumeOnceAsync(CancellationToken.None)).ShouldBe(2);

        await _runtime.WaitForAsync(RuntimeActivityKind.Handled, created.Id, "Index");
        await _runtime.WaitForAsync(RuntimeActivityKind.Duplicate, created.Id, "Index");
        (await _runtime.EffectsAsync("Index", created.Id)).ShouldBe(1);
        handler.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task The_same_event_delivered_again_after_it_was_handled_is_handled_once()
    {
        var handler = new RecordingHandler("Index");
        var created = TestEvents.Create("ItemCreated");
        await _runtime.PublishAndRelayAsync(created);
        await _runtime.Consumer("Index", handler).ConsumeOnceAsync(CancellationToken.None);

        await _runtime.PublishAndRelayAsync(created);
        (await _runtime.Consumer("Index", handler).ConsumeOnceAsync(CancellationToken.None)).ShouldBe(1);

        await _runtime.WaitForAsync(RuntimeActivityKind.Duplicate, created.Id, "Index");
        (await _runtime.EffectsAsync("Index", created.Id)).ShouldBe(1);
        handler.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task Events_delivered_out_of_order_are_each_handled_once()
    {
        await CreateLatestPriceTableAsync();
        var handler = new LatestPriceHandler();
        var prices = new[] { Priced(3, 30), Priced(1, 10), Priced(2, 20) };
        await _runtime.PublishAndRelayAsync(prices);

        (await _runtime.Consumer("Index", handler).ConsumeOnceAsync(CancellationToken.None)).ShouldBe(3);

        foreach (var price in prices)
        {
            await _runtime.WaitForAsync(RuntimeActivityKind.Handled, price.Id, "Index");
            (await _runtime.EffectsAsync("Index", price.Id)).ShouldBe(1);
        }

        (await LatestPriceAsync()).ShouldBe(30);
    }

    [Fact]
    public async Task An_event_retried_after_a_later_one_was_handled_is_handled_once()
    {
        await CreateLatestPriceTableAsync();
        var handler = new LatestPriceHandler { FailFirstAttemptOf = 1 };
        var first = Priced(1, 10);
        var second = Priced(2, 20);
        await _runtime.PublishAndRelayAsync(first, second);
        var consumer = _runtime.Consumer("Index", handler);

        await consumer.ConsumeOnceAsync(CancellationToken.None);
        await _runtime.WaitForAsync(RuntimeActivityKind.Failed, first.Id, "Index");
        await _runtime.WaitForAsync(RuntimeActivityKind.Handled, second.Id, "Index");
        _runtime.Clock.AdvanceTo((await _runtime.Store.Queue.NextVisibleAtAsync("Index", CancellationToken.None)).ShouldNotBeNull());
        await consumer.ConsumeOnceAsync(CancellationToken.None);

        (await _runtime.WaitForAsync(RuntimeActivityKind.Handled, first.Id, "Index")).ReceiveCount.ShouldBe(2);
        (await _runtime.EffectsAsync("Index", first.Id)).ShouldBe(1);
        (await _runtime.EffectsAsync("Index", second.Id)).ShouldBe(1);
        (await LatestPriceAsync()).ShouldBe(20);
    }

    [Fact]
    public async Task A_handler_failure_rolls_back_only_its_own_message_and_the_others_in_the_batch_commit()
    {
        var events = new[] { TestEvents.Create("ItemCreated"), TestEvents.Create("ItemCreated"), TestEvents.Create("ItemCreated") };
        var failing = events[1];
        var handler = new RecordingHandler("Index")
        {
            FailWhen = e => e.Id == failing.Id,
            Publishes = e => [TestEvents.Create("IndexUpdated", new { eventId = e.Id })],
        };
        await _runtime.PublishAndRelayAsync(events);

        (await _runtime.Consumer("Index", handler).ConsumeOnceAsync(CancellationToken.None)).ShouldBe(3);

        (await _runtime.EffectsAsync("Index", events[0].Id)).ShouldBe(1);
        (await _runtime.EffectsAsync("Index", failing.Id)).ShouldBe(0);
        (await _runtime.EffectsAsync("Index", events[2].Id)).ShouldBe(1);
        (await _runtime.PendingAsync()).Select(e => e.Detail.GetProperty("eventId").GetString())
            .ShouldBe([events[0].Id, events[2].Id]);
        var failed = await _runtime.WaitForAsync(RuntimeActivityKind.Failed, failing.Id, "Index");
        failed.ReceiveCount.ShouldBe(1);
        failed.Error.ShouldBe(RecordingHandler.ErrorFor("Index", failing.Id));
    }

    [Fact]
    public async Task A_message_whose_body_is_not_an_envelope_fails_alone_naming_the_problem()
    {
        var good = TestEvents.Create("ItemCreated");
        var handler = new RecordingHandler("Index");
        await _runtime.PublishAndRelayAsync(good);
        await _runtime.Store.Database.WriteAsync(async scope =>
        {
            await _runtime.Store.Queue.EnqueueAsync(scope, "Index", "broken", "broken", "{ not json");
            return 0;
        });

        (await _runtime.Consumer("Index", handler).ConsumeOnceAsync(CancellationToken.None)).ShouldBe(2);

        (await _runtime.EffectsAsync("Index", good.Id)).ShouldBe(1);
        handler.Calls.ShouldBe(1);
        var failed = await _runtime.WaitForAsync(RuntimeActivityKind.Failed, "broken", "Index");
        failed.ReceiveCount.ShouldBe(1);
        failed.Error.ShouldNotBeNull().ShouldStartWith("JsonReaderException");
    }

    [Fact]
    public async Task A_failing_message_backs_off_then_is_dead_lettered_and_after_redrive_a_fixed_handler_handles_it()
    {
        var created = TestEvents.Create("ItemCreated");
        var handler = new RecordingHandler("Index") { FailWhen = _ => true };
        var consumer = _runtime.Consumer("Index", handler);
        var settings = _runtime.Settings("Index");
        await _runtime.PublishAndRelayAsync(created);

        for (var receive = 1; receive < settings.MaxReceiveCount; receive++)
        {
            await consumer.ConsumeOnceAsync(CancellationToken.None);
            (await _runtime.WaitForAsync(RuntimeActivityKind.Failed, created.Id, "Index", count: receive)).ReceiveCount.ShouldBe(receive);
            var now = _runtime.Clock.GetUtcNow();
            var visibleAt = (await _runtime.Store.Queue.NextVisibleAtAsync("Index", CancellationToken.None)).ShouldNotBeNull();
            (visibleAt - now).ShouldBeInRange(TimeSpan.Zero, Backoff.Ceiling(receive, settings.BackoffBase, settings.BackoffCap));
            _runtime.Clock.AdvanceTo(visibleAt);
        }

        await consumer.ConsumeOnceAsync(CancellationToken.None);

        var deadLettered = await _runtime.WaitForAsync(RuntimeActivityKind.DeadLettered, created.Id, "Index");
        deadLettered.ReceiveCount.ShouldBe(settings.MaxReceiveCount);
        deadLettered.Error.ShouldBe(RecordingHandler.ErrorFor("Index", created.Id));
        var letter = (await _runtime.Store.Queue.ListDeadLettersAsync("Index", 10, CancellationToken.None)).ShouldHaveSingleItem();
        letter.LastError.ShouldBe(RecordingHandler.ErrorFor("Index", created.Id));
        letter.ReceiveCount.ShouldBe(settings.MaxReceiveCount);
        _runtime.Clock.Advance(TimeSpan.FromHours(1));
        (await consumer.ConsumeOnceAsync(CancellationToken.None)).ShouldBe(0);
        (await _runtime.EffectsAsync("Index", created.Id)).ShouldBe(0);

        handler.FailWhen = _ => false;
        (await _runtime.Store.Queue.RedriveAsync("Index", null, 10, CancellationToken.None)).ShouldBe(1);
        (await consumer.ConsumeOnceAsync(CancellationToken.None)).ShouldBe(1);

        (await _runtime.WaitForAsync(RuntimeActivityKind.Handled, created.Id, "Index")).ReceiveCount.ShouldBe(1);
        (await _runtime.EffectsAsync("Index", created.Id)).ShouldBe(1);
        handler.Calls.ShouldBe(settings.MaxReceiveCount + 1);
    }

    [Fact]
    public async Task A_failing_target_never_blocks_another_targets_messages_for_the_same_event()
    {
        var created = TestEvents.Create("ItemCreated");
        var moderate = _runtime.Consumer("Moderate", new RecordingHandler("Moderate") { FailWhen = _ => true });
        var index = _runtime.Consumer("Index", new RecordingHandler("Index"));
        await _runtime.PublishAndRelayAsync(created);

        await moderate.ConsumeOnceAsync(CancellationToken.None);
        await index.ConsumeOnceAsync(CancellationToken.None);

        await _runtime.WaitForAsync(RuntimeActivityKind.Failed, created.Id, "Moderate");
        await _runtime.WaitForAsync(RuntimeActivityKind.Handled, created.Id, "Index");
        (await _runtime.EffectsAsync("Index", created.Id)).ShouldBe(1);

        for (var receive = 2; receive <= _runtime.Settings("Moderate").MaxReceiveCount; receive++)
        {
            _runtime.Clock.AdvanceTo((await _runtime.Store.Queue.NextVisibleAtAsync("Moderate", CancellationToken.None)).ShouldNotBeNull());
            await moderate.ConsumeOnceAsync(CancellationToken.None);
        }

        await _runtime.WaitForAsync(RuntimeActivityKind.DeadLettered, created.Id, "Moderate");
        var updated = TestEvents.Create("ItemUpdated");
        await _runtime.PublishAndRelayAsync(updated);
        await index.ConsumeOnceAsync(CancellationToken.None);
        await _runtime.WaitForAsync(RuntimeActivityKind.Handled, updated.Id, "Index");
        (await _runtime.EffectsAsync("Index", created.Id)).ShouldBe(1);
        (await _runtime.EffectsAsync("Moderate", created.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task Events_a_handler_publishes_are_in_the_outbox_once_it_commits()
    {
        var reserved = TestEvents.Create("ReservationCreated", new { reservationId = "r-1" });
        var handler = new RecordingHandler("NotifySeller")
        {
            Publishes = e => [TestEvents.Create("NotificationSent", new { about = e.Id })],
        };
        await _runtime.PublishAndRelayAsync(reserved);

        await _runtime.Consumer("NotifySeller", handler).ConsumeOnceAsync(CancellationToken.None);

        var followUp = (await _runtime.PendingAsync()).ShouldHaveSingleItem();
        followUp.DetailType.ShouldBe("NotificationSent");
        followUp.Detail.GetProperty("about").GetString().ShouldBe(reserved.Id);
        (await _runtime.RelayOnceAsync()).ShouldBe(1);
        await _runtime.Monitor.WaitForAsync(a => a.Kind == RuntimeActivityKind.Dispatched && a.EventId == followUp.Id, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Events_a_handler_publishes_before_it_throws_never_reach_the_outbox()
    {
        var reserved = TestEvents.Create("ReservationCreated");
        var handler = new RecordingHandler("NotifySeller")
        {
            Publishes = _ => [TestEvents.Create("NotificationSent")],
            FailWhen = _ => true,
        };
        await _runtime.PublishAndRelayAsync(reserved);

        await _runtime.Consumer("NotifySeller", handler).ConsumeOnceAsync(CancellationToken.None);

        await _runtime.WaitForAsync(RuntimeActivityKind.Failed, reserved.Id, "NotifySeller");
        (await _runtime.PendingAsync()).ShouldBeEmpty();
        (await _runtime.EffectsAsync("NotifySeller", reserved.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task The_handler_sees_the_envelope_as_published()
    {
        var reserved = TestEvents.Create("ReservationCreated", new { reservationId = "r-1" }) with { CorrelationId = "corr-42" };
        EventEnvelope? seen = null;
        await _runtime.PublishAndRelayAsync(reserved);

        await _runtime.Consumer("NotifySeller", new CapturingHandler(e => seen = e)).ConsumeOnceAsync(CancellationToken.None);

        seen.ShouldNotBeNull().ToJson().ShouldBe(reserved.ToJson());
    }

    private static EventEnvelope Priced(int version, int price) =>
        TestEvents.Create("ItemPriceChanged", new { itemId = "item-1", version, price });

    private Task CreateLatestPriceTableAsync() =>
        _runtime.Store.Database.WriteAsync(async scope =>
        {
            await using var create = scope.Command("CREATE TABLE latest_price (item_id TEXT PRIMARY KEY, version INTEGER NOT NULL, price INTEGER NOT NULL)");
            return await create.ExecuteNonQueryAsync();
        });

    private Task<long> LatestPriceAsync() =>
        _runtime.Store.Database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT price FROM latest_price WHERE item_id = 'item-1'";
            return Convert.ToInt64(await command.ExecuteScalarAsync());
        });

    /// <summary>Keeps the price of the highest version seen, so it tolerates any delivery order.</summary>
    private sealed class LatestPriceHandler : IEventHandler
    {
        private int _failures;

        public int? FailFirstAttemptOf { get; init; }

        public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
        {
            var version = envelope.Detail.GetProperty("version").GetInt32();
            var price = envelope.Detail.GetProperty("price").GetInt32();
            await using (var upsert = scope.Command(
                """
                INSERT INTO latest_price (item_id, version, price) VALUES (@item, @version, @price)
                ON CONFLICT (item_id) DO UPDATE SET version = excluded.version, price = excluded.price
                WHERE excluded.version > latest_price.version
                """,
                ("@item", envelope.Detail.GetProperty("itemId").GetString()), ("@version", version), ("@price", price)))
            {
                await upsert.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var effect = scope.Command("INSERT INTO effects (target, event_id) VALUES ('Index', @id)", ("@id", envelope.Id)))
            {
                await effect.ExecuteNonQueryAsync(cancellationToken);
            }

            if (version == FailFirstAttemptOf && Interlocked.Increment(ref _failures) == 1)
            {
                throw new InvalidOperationException($"price {version} arrived while the index was busy");
            }
        }
    }

    private sealed class CapturingHandler(Action<EventEnvelope> capture) : IEventHandler
    {
        public Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
        {
            capture(envelope);
            return Task.CompletedTask;
        }
    }
}
