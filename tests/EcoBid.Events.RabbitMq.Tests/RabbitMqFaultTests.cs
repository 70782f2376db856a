using System.Diagnostics;
using EcoBid.Events.Contracts;
using EcoBid.Events.Handlers;
using EcoBid.Events.Monitoring;
using EcoBid.Events.Outbox;
using EcoBid.Events.Queues;
using EcoBid.Events.Rules;
using EcoBid.Events.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EcoBid.Events.RabbitMq.Tests;

/// <summary>
/// The runtime's consumers and relay on RabbitMQ, through failures: a consumer that dies between its commit and its
/// acknowledgement, a handler that keeps failing, and a broker restart. Bounded in time, on loopback. The broker
/// restart stops the whole broker application, so this class runs alone (no other test uses the broker meanwhile).
/// </summary>
[Collection(nameof(BrokerRestarts))]
public sealed class RabbitMqFaultTests : IAsyncLifetime
{
    private static readonly RuleSet Rules = RuleSetLoader.Parse("""
        {
          "targets": { "Index": { "batchSize": 10, "backoffBaseMilliseconds": 50, "backoffCapSeconds": 1 } },
          "rules": [ { "name": "All", "eventPattern": { "source": ["ecobid.tests"] }, "targets": ["Index"] } ]
        }
        """);

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly RuntimeMonitor _monitor = new();
    private RabbitMqRuntimeStore _store = null!;

    private RuleTarget Index => Rules.Targets["Index"];

    public async Task InitializeAsync()
    {
        _store = await RabbitMqRuntimeStore.CreateAsync(new ManualTimeProvider(DateTimeOffset.UtcNow), TimeProvider.System, TimeProvider.System);
        await _store.Database.WriteAsync(async scope =>
        {
            await using var create = scope.Command("CREATE TABLE effects (event_id TEXT NOT NULL)");
            return await create.ExecuteNonQueryAsync();
        });
    }

    public async Task DisposeAsync()
    {
        _monitor.Dispose();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task A_consumer_killed_between_its_commit_and_its_acknowledgement_has_the_message_redelivered_and_the_effect_stays_single()
    {
        var created = TestEvents.Create("ItemCreated");
        await PublishAndRelayAsync(_store, created);
        var handler = new EffectHandler();
        var message = await ReceiveOneAsync(_store);

        // The handler's transaction commits (effect, inbox mark, acknowledgement recorded) and the process dies before settling.
        await _store.Database.WriteAsync(async scope =>
        {
            (await _store.Inbox.TryMarkProcessedAsync(scope, "Index", message.MessageKey)).ShouldBeTrue();
            await handler.HandleAsync(EnvelopeOf(message), scope, CancellationToken.None);
            await _store.Queue.AcknowledgeAsync(scope, message);
            return true;
        });
        await _store.RabbitMq.DisposeAsync();
        await _store.Connection.DisposeAsync();

        await using var restarted = _store.OpenAnother(TimeProvider.System);
        var consumer = Consumer(restarted, handler);
        await WaitUntilAsync(async () => await consumer.ConsumeOnceAsync(CancellationToken.None) > 0);

        var duplicate = await _monitor.WaitForAsync(a => a.Kind == RuntimeActivityKind.Duplicate && a.EventId == created.Id, Patience);
        duplicate.ReceiveCount.ShouldBe(2);
        (await EffectsAsync(created.Id)).ShouldBe(1);
        handler.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task A_message_settled_after_the_connection_came_back_is_handled_once_and_the_queue_keeps_flowing()
    {
        var first = TestEvents.Create("ItemCreated");
        await PublishAndRelayAsync(_store, first);
        var handler = new EffectHandler();
        var message = await ReceiveOneAsync(_store);

        // The broker drops the connection while the handler works; the client brings it back with its consumer, and the
        // broker delivers the unacknowledged message again. The handler's commit comes after that.
        var life = _store.Connection.Life;
        await RabbitCtlAsync("close_all_connections", "--vhost", new Uri(_store.ConnectionString).AbsolutePath.TrimStart('/'), "a test closes them");
        await WaitUntilAsync(() => Task.FromResult(_store.Connection.Life > life && !_store.Connection.IsRecovering));
        await _store.Database.WriteAsync(async scope =>
        {
            (await _store.Inbox.TryMarkProcessedAsync(scope, "Index", message.MessageKey)).ShouldBeTrue();
            await handler.HandleAsync(EnvelopeOf(message), scope, CancellationToken.None);
            await _store.Queue.AcknowledgeAsync(scope, message);
            return true;
        });

        // Its delivery tag means nothing on the recovered channel: acknowledging it there would make the broker close the
        // channel, and the queue would stall. The settlement is dropped; the redelivery is a duplicate.
        await _store.Queue.SettleAsync([message], CancellationToken.None);
        using var stop = new CancellationTokenSource(Patience);
        var running = Consumer(_store, handler).RunAsync(stop.Token);
        var duplicate = await _monitor.WaitForAsync(a => a.Kind == RuntimeActivityKind.Duplicate && a.EventId == first.Id, Patience);
        duplicate.ReceiveCount.ShouldBe(2);

        var second = TestEvents.Create("ItemCreated");
        await PublishAndRelayAsync(_store, second);
        await _monitor.WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled && a.EventId == second.Id, Patience);
        await stop.CancelAsync();
        await running;
        (await EffectsAsync(first.Id)).ShouldBe(1);
        (await EffectsAsync(second.Id)).ShouldBe(1);
        handler.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task A_message_whose_handler_keeps_failing_is_dead_lettered_after_three_deliveries_and_redrives()
    {
        var poison = TestEvents.Create("ImageUploaded");
        var handler = new EffectHandler { Failing = true };
        using var stop = new CancellationTokenSource(Patience);
        var running = Consumer(_store, handler).RunAsync(stop.Token);

        await PublishAndRelayAsync(_store, poison);
        var deadLettered = await _monitor.WaitForAsync(a => a.Kind == RuntimeActivityKind.DeadLettered && a.EventId == poison.Id, Patience);

        deadLettered.ReceiveCount.ShouldBe(3);
        handler.Calls.ShouldBe(3);
        _monitor.Recent.Count(a => a.Kind == RuntimeActivityKind.Failed && a.EventId == poison.Id).ShouldBe(2);
        (await EffectsAsync(poison.Id)).ShouldBe(0);
        var letter = (await _store.Queue.ListDeadLettersAsync("Index", 10, CancellationToken.None)).ShouldHaveSingleItem();
        letter.ReceiveCount.ShouldBe(3);
        letter.LastError.ShouldBe($"InvalidOperationException: the thumbnailer is down ({poison.Id})");

        handler.Failing = false;
        (await _store.Queue.RedriveAsync("Index", null, 10, CancellationToken.None)).ShouldBe(1);
        await _monitor.WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled && a.EventId == poison.Id, Patience);
        (await EffectsAsync(poison.Id)).ShouldBe(1);
        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task A_store_outage_longer_than_the_receive_limit_and_the_visibility_timeout_keeps_the_batch_and_handles_it_once_when_the_store_is_back()
    {
        var handler = new EffectHandler();
        var store = new AwayDatabase(_store.Database) { Away = true };
        // A visibility timeout the outage outlasts twice: the held delivery must not be handed back when it passes.
        // Not shorter: once the store is back, a handling transaction that outlives the timeout on a loaded machine is
        // rightly handed back too (as SQS would), and its copy would arrive as the duplicate this test looks for.
        var target = Index with { Queue = Index.Queue with { VisibilityTimeout = TimeSpan.FromSeconds(3) } };
        using var stop = new CancellationTokenSource(Patience);
        var running = HoldingConsumer(target, store, handler).RunAsync(stop.Token);
        var created = TestEvents.Create("ItemCreated");

        // The database restarts while the message waits: the consumer's transaction fails twice as often as the
        // target's receive limit allows. Handing the message back each time would have dead-lettered it.
        await PublishAndRelayAsync(_store, created);
        await WaitUntilAsync(() => Task.FromResult(store.Refused >= 2 * target.Queue.MaxReceiveCount));
        await Task.Delay(target.Queue.VisibilityTimeout * 2.5);
        (await _store.Queue.ListDeadLettersAsync("Index", 10, CancellationToken.None)).ShouldBeEmpty();
        store.Away = false;

        var handled = await _monitor.WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled && a.EventId == created.Id, Patience);
        handled.ReceiveCount.ShouldBe(1);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // time for a copy handed back meanwhile to arrive as a duplicate
        await stop.CancelAsync();
        await running;
        (await EffectsAsync(created.Id)).ShouldBe(1);
        handler.Calls.ShouldBe(1);
        (await _store.Queue.ListDeadLettersAsync("Index", 10, CancellationToken.None)).ShouldBeEmpty();
        _monitor.Recent.ShouldNotContain(
            a => a.EventId == created.Id && a.Kind != RuntimeActivityKind.Handled && a.Kind != RuntimeActivityKind.Dispatched,
            string.Join(", ", _monitor.Recent.Where(a => a.EventId == created.Id).Select(a => $"{a.Kind} at {a.At:HH:mm:ss.fff} (receive {a.ReceiveCount})")));
    }

    [Fact]
    public async Task A_store_outage_met_by_a_handlers_preparation_holds_the_batch_instead_of_failing_its_messages()
    {
        var handler = new PreparingEffectHandler { StoreAway = true };
        var store = new AwayDatabase(_store.Database);
        using var stop = new CancellationTokenSource(Patience);
        var running = HoldingConsumer(Index, store, handler).RunAsync(stop.Token);
        var created = TestEvents.Create("ImageUploaded");

        // The preparation reads the store and meets the outage, while the write that follows would succeed: the
        // outage must not be charged to the message as the handler's failure.
        await PublishAndRelayAsync(_store, created);
        await WaitUntilAsync(() => Task.FromResult(handler.Preparations >= 2 * Index.Queue.MaxReceiveCount));
        handler.StoreAway = false;

        var handled = await _monitor.WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled && a.EventId == created.Id, Patience);
        handled.ReceiveCount.ShouldBe(1);
        await stop.CancelAsync();
        await running;
        handler.Calls.ShouldBe(1);
        (await EffectsAsync(created.Id)).ShouldBe(1);
        _monitor.Recent.ShouldNotContain(a => a.EventId == created.Id && (a.Kind == RuntimeActivityKind.Failed || a.Kind == RuntimeActivityKind.DeadLettered));
    }

    [Fact]
    public async Task A_batch_that_loses_its_connection_every_time_its_work_runs_is_held_a_few_times_then_dead_lettered_not_held_forever()
    {
        var handler = new EffectHandler();
        var store = new AwayDatabase(_store.Database) { LostDuringWork = true };
        using var stop = new CancellationTokenSource(Patience);
        var running = HoldingConsumer(Index, store, handler).RunAsync(stop.Token);
        var poison = TestEvents.Create("ItemCreated");

        // As if the batch's own statement ends the session each time (a query a watchdog kills): an outage by its
        // error, but one the batch causes, so holding it without end would stall the queue behind it.
        await PublishAndRelayAsync(_store, poison);
        await WaitUntilAsync(async () => (await _store.Queue.ListDeadLettersAsync("Index", 10, CancellationToken.None)).Count == 1);

        await stop.CancelAsync();
        await running;
        (await EffectsAsync(poison.Id)).ShouldBe(0);
        store.Refused.ShouldBeGreaterThan(Index.Queue.MaxReceiveCount);
    }

    [Fact]
    public async Task A_broker_restart_while_the_consumer_and_relay_run_loses_nothing_and_handles_everything_once()
    {
        var handler = new EffectHandler();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var consuming = Consumer(_store, handler).RunAsync(stop.Token);
        var relaying = RelayLoopAsync(_store, stop.Token);
        var before = Enumerable.Range(0, 20).Select(i => TestEvents.Create("BidPlaced", new { i })).ToArray();
        var during = Enumerable.Range(0, 20).Select(i => TestEvents.Create("BidPlaced", new { i = 100 + i })).ToArray();
        await PublishAsync(_store, before);
        await _monitor.WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled, Patience, count: before.Length);

        await RabbitCtlAsync("stop_app");
        try
        {
            await PublishAsync(_store, during); // committed to the outbox; the relay cannot publish until the broker is back
        }
        finally
        {
            await RabbitCtlAsync("start_app");
        }

        foreach (var envelope in before.Concat(during))
        {
            await _monitor.WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled && a.EventId == envelope.Id, Patience);
        }

        await stop.CancelAsync();
        await Task.WhenAll(consuming, relaying);
        foreach (var envelope in before.Concat(during))
        {
            (await EffectsAsync(envelope.Id)).ShouldBe(1);
        }
    }

    private static Envelope.EventEnvelope EnvelopeOf(QueueMessage message) => Envelope.EventEnvelope.FromJson(message.Body);

    /// <summary>A consumer on <paramref name="store"/> whose holds through an outage retry within 20 to 100 ms.</summary>
    private QueueConsumer HoldingConsumer(RuleTarget target, AwayDatabase store, IEventHandler handler) => new(
        target, handler, _store.Queue, _store.Inbox, store, _store.Signals, _monitor, TimeProvider.System,
        new RuntimeOptions { IdleRecheck = TimeSpan.FromMilliseconds(500), StoreRetryBase = TimeSpan.FromMilliseconds(20), StoreRetryCap = TimeSpan.FromMilliseconds(100) },
        NullLogger.Instance);

    private QueueConsumer Consumer(RabbitMqRuntimeStore store, EffectHandler handler) => new(
        Index, handler, store.Queue, store.Inbox, store.Database, store.Signals, _monitor, TimeProvider.System,
        new RuntimeOptions { IdleRecheck = TimeSpan.FromMilliseconds(500) }, NullLogger.Instance);

    private static Task PublishAsync(RabbitMqRuntimeStore store, params Envelope.EventEnvelope[] events) =>
        store.Database.WriteAsync(async scope =>
        {
            foreach (var envelope in events)
            {
                await scope.PublishAsync(envelope);
            }

            return true;
        });

    private async Task PublishAndRelayAsync(RabbitMqRuntimeStore store, params Envelope.EventEnvelope[] events)
    {
        await PublishAsync(store, events);
        using var relay = Relay(store);
        while (await relay.RelayOnceAsync(CancellationToken.None) > 0)
        {
        }
    }

    private OutboxRelay Relay(RabbitMqRuntimeStore store) =>
        new(store.Outbox, Rules, store.Signals, _monitor, TimeProvider.System, Options.Create(new RuntimeOptions()), NullLogger<OutboxRelay>.Instance);

    private async Task RelayLoopAsync(RabbitMqRuntimeStore store, CancellationToken stop)
    {
        using var relay = Relay(store);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (await relay.RelayOnceAsync(CancellationToken.None) == 0)
                {
                    await Task.Delay(20, CancellationToken.None);
                }
            }
            catch (Exception ex) when (ex is not ShouldAssertException)
            {
                await Task.Delay(200, CancellationToken.None); // the broker is away: the events wait in the outbox
            }
        }
    }

    private static async Task<QueueMessage> ReceiveOneAsync(RabbitMqRuntimeStore store)
    {
        var settings = Rules.Targets["Index"].Queue;
        QueueMessage? message = null;
        await WaitUntilAsync(async () => (message = (await store.Queue.ReceiveAsync("Index", settings, CancellationToken.None)).SingleOrDefault()) is not null);
        return message!;
    }

    private Task<long> EffectsAsync(string eventId) =>
        _store.Database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM effects WHERE event_id = $id";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "$id";
            parameter.Value = eventId;
            command.Parameters.Add(parameter);
            return Convert.ToInt64(await command.ExecuteScalarAsync());
        });

    [Fact]
    public async Task A_publish_whose_confirms_never_come_fails_after_the_confirm_timeout_and_the_next_publish_goes_through()
    {
        await using var connection = new RabbitMqConnection(Options.Create(new RabbitMqOptions
        {
            ConnectionString = _store.ConnectionString, NetworkRecoveryInterval = TimeSpan.FromMilliseconds(500), ConfirmTimeout = TimeSpan.FromSeconds(2),
        }));
        await connection.EnsureQueueAsync("Index", CancellationToken.None);
        await connection.PublishAllAsync([Publish("before")], CancellationToken.None);

        // A memory alarm makes the broker stop reading from publishing connections: the publish goes out, no confirm comes back.
        await RabbitCtlAsync("set_vm_memory_high_watermark", "0");
        try
        {
            await Should.ThrowAsync<BrokerUnavailableException>(() => connection.PublishAllAsync([Publish("held")], CancellationToken.None).WaitAsync(Patience));
        }
        finally
        {
            await RabbitCtlAsync("set_vm_memory_high_watermark", "0.4"); // the broker's default, which the test services keep
        }

        // The publishing lock was let go and the channel replaced: the next publish is confirmed.
        await connection.PublishAllAsync([Publish("after")], CancellationToken.None).WaitAsync(Patience);
        var received = new List<string>();
        await WaitUntilAsync(async () =>
        {
            received.AddRange((await _store.Queue.ReceiveAsync("Index", Index.Queue, CancellationToken.None)).Select(m => m.EventId));
            return received.Contains("after");
        });
        received.ShouldContain("before");
    }

    [Fact]
    public async Task A_publish_waiting_for_confirms_when_the_connection_is_lost_fails_at_once_and_the_recovered_connection_publishes()
    {
        await using var connection = new RabbitMqConnection(Options.Create(new RabbitMqOptions
        {
            ConnectionString = _store.ConnectionString, NetworkRecoveryInterval = TimeSpan.FromMilliseconds(500), ConfirmTimeout = TimeSpan.FromMinutes(5),
        }));
        await connection.EnsureQueueAsync("Index", CancellationToken.None);
        await connection.PublishAllAsync([Publish("before")], CancellationToken.None);

        await RabbitCtlAsync("set_vm_memory_high_watermark", "0");
        try
        {
            var held = connection.PublishAllAsync([Publish("held")], CancellationToken.None);
            await Task.Delay(TimeSpan.FromSeconds(1));
            held.IsCompleted.ShouldBeFalse("a memory alarm holds the confirm back");
            var stopwatch = Stopwatch.StartNew();
            await RabbitCtlAsync("close_all_connections", "--global", "connection lost in a test");
            var failure = await Should.ThrowAsync<BrokerUnavailableException>(() => held.WaitAsync(Patience));
            stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20), "the publish stops waiting when the connection is lost, not at the five-minute confirm deadline");
            failure.Message.ShouldContain("lost");
        }
        finally
        {
            await RabbitCtlAsync("set_vm_memory_high_watermark", "0.4");
        }

        await WaitUntilAsync(async () =>
        {
            try
            {
                await connection.PublishAllAsync([Publish("after")], CancellationToken.None).WaitAsync(Patience);
                return true;
            }
            catch (BrokerUnavailableException)
            {
                return false; // still recovering
            }
        });
        var received = new List<string>();
        await WaitUntilAsync(async () =>
        {
            received.AddRange((await _store.Queue.ReceiveAsync("Index", Index.Queue, CancellationToken.None)).Select(m => m.EventId));
            return received.Contains("after");
        });
        received.ShouldContain("before");
    }

    [Fact]
    public async Task A_channel_asked_for_while_the_connection_is_down_is_refused_at_once_and_opens_once_it_is_back()
    {
        await using var connection = new RabbitMqConnection(Options.Create(new RabbitMqOptions
        {
            ConnectionString = _store.ConnectionString, NetworkRecoveryInterval = TimeSpan.FromMilliseconds(500),
        }));
        (await connection.DeclareAsync("Index", CancellationToken.None)).ShouldBe(0u);

        await RabbitCtlAsync("stop_app");
        try
        {
            await WaitUntilAsync(() => Task.FromResult(connection.IsRecovering));
            var stopwatch = Stopwatch.StartNew();
            await Should.ThrowAsync<BrokerUnavailableException>(() => connection.DeclareAsync("Index", CancellationToken.None));
            await Should.ThrowAsync<BrokerUnavailableException>(() => connection.PublishAllAsync([Publish("refused")], CancellationToken.None));
            stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5), "nothing waits on a connection that is known to be down");
        }
        finally
        {
            await RabbitCtlAsync("start_app");
        }

        await WaitUntilAsync(() => Task.FromResult(!connection.IsRecovering));
        (await connection.DeclareAsync("Index", CancellationToken.None)).ShouldBe(0u);
    }

    private static RabbitMqPublish Publish(string id) =>
        new(string.Empty, "Index", new Dictionary<string, object?>
        {
            [RabbitMqHeaders.EventId] = id, [RabbitMqHeaders.MessageKey] = id, [RabbitMqHeaders.EnqueuedAt] = 0L, [RabbitMqHeaders.Receives] = 0L,
        }, "{}"u8.ToArray(), id);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the condition did not hold in time");
            await Task.Delay(20);
        }
    }

    private static async Task RabbitCtlAsync(string command, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("rabbitmqctl", ["-q", command, .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException("rabbitmqctl did not start");
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        process.ExitCode.ShouldBe(0, $"rabbitmqctl {command}: {await process.StandardError.ReadToEndAsync()}");
    }
}

/// <summary>Tests that stop the broker run on their own, after the others.</summary>
[CollectionDefinition(nameof(BrokerRestarts), DisableParallelization = true)]
public sealed class BrokerRestarts;
