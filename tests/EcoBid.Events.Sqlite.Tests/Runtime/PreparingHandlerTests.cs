using System.Collections.Concurrent;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Monitoring;
using EcoBid.Events.Contracts;
using EcoBid.Events.Storage;

namespace EcoBid.Events.Sqlite.Tests.Runtime;

/// <summary>
/// <see cref="IPreparingEventHandler"/> under <see cref="Queues.QueueConsumer"/>: the slow part runs while the store's
/// writer is free, its result reaches the part that commits, and its failures count as the handler's.
/// </summary>
public sealed class PreparingHandlerTests : IAsyncLifetime
{
    private RuntimeHarness _runtime = null!;

    public async Task InitializeAsync() => _runtime = await RuntimeHarness.StartAsync();

    public async Task DisposeAsync() => await _runtime.DisposeAsync();

    [Fact]
    public async Task The_preparation_runs_while_the_writer_is_free_and_its_result_is_committed_with_the_message()
    {
        var handler = new PreparingHandler(_runtime.Store.Database);
        var events = new[] { TestEvents.Create("ItemCreated"), TestEvents.Create("ItemCreated") };
        await _runtime.PublishAndRelayAsync(events);

        (await _runtime.Consumer("Index", handler).ConsumeOnceAsync(CancellationToken.None)).ShouldBe(2);

        // Each preparation wrote through the store's single writer itself: inside the consumer's transaction that
        // write would have waited for a commit that waits for it.
        handler.WritesWhilePreparing.ShouldBe(2);
        foreach (var created in events)
        {
            await _runtime.WaitForAsync(RuntimeActivityKind.Handled, created.Id, "Index");
            (await _runtime.EffectsAsync("Index", "prepared:" + created.Id)).ShouldBe(1);
        }
    }

    [Fact]
    public async Task A_failing_preparation_is_retried_then_dead_lettered_and_nothing_is_committed_for_it()
    {
        var created = TestEvents.Create("ItemCreated");
        var handler = new PreparingHandler(_runtime.Store.Database) { FailPreparation = true };
        var consumer = _runtime.Consumer("Index", handler);
        var settings = _runtime.Settings("Index");
        await _runtime.PublishAndRelayAsync(created);

        for (var receive = 1; receive < settings.MaxReceiveCount; receive++)
        {
            await consumer.ConsumeOnceAsync(CancellationToken.None);
            var failed = await _runtime.WaitForAsync(RuntimeActivityKind.Failed, created.Id, "Index", count: receive);
            failed.Error.ShouldBe($"IOException: cannot prepare {created.Id}");
            _runtime.Clock.AdvanceTo((await _runtime.Store.Queue.NextVisibleAtAsync("Index", CancellationToken.None)).ShouldNotBeNull());
        }

        await consumer.ConsumeOnceAsync(CancellationToken.None);

        (await _runtime.WaitForAsync(RuntimeActivityKind.DeadLettered, created.Id, "Index")).ReceiveCount.ShouldBe(settings.MaxReceiveCount);
        handler.Preparations.ShouldBe(settings.MaxReceiveCount);
        handler.Handled.ShouldBeEmpty();
        (await _runtime.EffectsAsync("Index", "prepared:" + created.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task A_duplicate_delivery_is_prepared_again_but_committed_once()
    {
        var created = TestEvents.Create("ItemCreated");
        var handler = new PreparingHandler(_runtime.Store.Database);
        await _runtime.PublishAndRelayAsync(created);
        await _runtime.Consumer("Index", handler).ConsumeOnceAsync(CancellationToken.None);

        await _runtime.PublishAndRelayAsync(created);
        await _runtime.Consumer("Index", handler).ConsumeOnceAsync(CancellationToken.None);

        await _runtime.WaitForAsync(RuntimeActivityKind.Duplicate, created.Id, "Index");
        handler.Preparations.ShouldBe(2);
        handler.Handled.ShouldBe([created.Id]);
        (await _runtime.EffectsAsync("Index", "prepared:" + created.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task Called_as_a_plain_handler_it_prepares_then_handles_in_the_callers_transaction()
    {
        var created = TestEvents.Create("ItemCreated");
        IEventHandler handler = new PreparingHandler(database: null);

        await _runtime.Store.Database.WriteAsync(async scope =>
        {
            await handler.HandleAsync(created, scope, CancellationToken.None);
            return 0;
        });

        (await _runtime.EffectsAsync("Index", "prepared:" + created.Id)).ShouldBe(1);
    }

    /// <summary>Prepares a value (writing through the store when given one) and records it as the effect.</summary>
    private sealed class PreparingHandler(IEventDatabase? database) : IPreparingEventHandler
    {
        private int _preparations;
        private int _writes;

        public bool FailPreparation { get; init; }

        public int Preparations => _preparations;

        public int WritesWhilePreparing => _writes;

        public ConcurrentQueue<string> Handled { get; } = new();

        public async Task<object?> PrepareAsync(EventEnvelope envelope, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _preparations);
            if (FailPreparation)
            {
                throw new IOException($"cannot prepare {envelope.Id}");
            }

            if (database is not null)
            {
                await database.WriteAsync(scope => Task.FromResult(0), cancellationToken).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
                Interlocked.Increment(ref _writes);
            }

            return "prepared:" + envelope.Id;
        }

        public async Task HandleAsync(EventEnvelope envelope, object? prepared, IWriteScope scope, CancellationToken cancellationToken)
        {
            Handled.Enqueue(envelope.Id);
            await using var effect = scope.Command("INSERT INTO effects (target, event_id) VALUES ('Index', @value)", ("@value", (string)prepared!));
            await effect.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
