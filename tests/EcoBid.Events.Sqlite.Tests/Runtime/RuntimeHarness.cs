using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Monitoring;
using EcoBid.Events.Outbox;
using EcoBid.Events.Queues;
using EcoBid.Events.Rules;
using EcoBid.Events.Contracts;
using EcoBid.Events.Sqlite.Tests.Sqlite;
using EcoBid.Events.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EcoBid.Events.Sqlite.Tests.Runtime;

/// <summary>
/// The relay and consumers of a rules file on a SQLite store and a manual clock, driven one step at a time (no hosted
/// loops). Handlers record their effects in an <c>effects</c> table inside their own transaction.
/// </summary>
public sealed class RuntimeHarness : IAsyncDisposable
{
    public const string Rules = """
        {
          // Index and Moderate react to item events; NotifySeller to reservations. Defaults: 3 receives, 30 s visibility.
          "targets": {
            "Index": { "batchSize": 10, "backoffBaseMilliseconds": 1000, "backoffCapSeconds": 60 },
            "Moderate": { "batchSize": 10 },
            "NotifySeller": {}
          },
          "rules": [
            {
              "name": "ItemChanges",
              "eventPattern": { "source": ["ecobid.tests"], "detail-type": [{ "prefix": "Item" }] },
              "targets": ["Index", "Moderate"]
            },
            {
              "name": "Reservations",
              "eventPattern": { "detail-type": ["ReservationCreated"] },
              "targets": ["NotifySeller"]
            }
          ]
        }
        """;

    public static readonly DateTimeOffset Start = new(2030, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(10);

    private readonly OutboxRelay _relay;

    private RuntimeHarness(IRuntimeStore store, RuleSet rules, RuntimeOptions options)
    {
        Store = store;
        RuleSet = rules;
        Options = options;
        _relay = new OutboxRelay(
            store.Outbox, rules, store.Signals, Monitor, store.Clock, Microsoft.Extensions.Options.Options.Create(options), NullLogger<OutboxRelay>.Instance);
    }

    public IRuntimeStore Store { get; }

    public RuleSet RuleSet { get; }

    public RuntimeOptions Options { get; }

    public RuntimeMonitor Monitor { get; } = new();

    public ManualTimeProvider Clock => Store.Clock;

    public static async Task<RuntimeHarness> StartAsync(RuntimeOptions? options = null)
    {
        var store = await SqliteRuntimeStore.CreateAsync(new ManualTimeProvider(Start));
        await store.Database.WriteAsync(async scope =>
        {
            await using var create = scope.Command("CREATE TABLE effects (target TEXT NOT NULL, event_id TEXT NOT NULL)");
            return await create.ExecuteNonQueryAsync();
        });
        return new RuntimeHarness(store, RuleSetLoader.Parse(Rules), options ?? new RuntimeOptions());
    }

    public Task<int> RelayOnceAsync() => _relay.RelayOnceAsync(CancellationToken.None);

    public QueueConsumer Consumer(string target, IEventHandler handler) => new(
        RuleSet.Targets[target], handler, Store.Queue, Store.Inbox, Store.Database, Store.Signals, Monitor, Clock, Options, NullLogger.Instance);

    public QueueSettings Settings(string target) => RuleSet.Targets[target].Queue;

    public Task PublishAsync(params EventEnvelope[] events) =>
        Store.Database.WriteAsync(async scope =>
        {
            foreach (var envelope in events)
            {
                await scope.PublishAsync(envelope);
            }

            return true;
        });

    /// <summary>Publishes the events in one transaction and relays them to their targets' queues.</summary>
    public async Task PublishAndRelayAsync(params EventEnvelope[] events)
    {
        await PublishAsync(events);
        while (await RelayOnceAsync() > 0)
        {
        }
    }

    public async Task<IReadOnlyList<EventEnvelope>> PendingAsync() =>
        [.. (await Store.Outbox.ReadPendingAsync(1000, CancellationToken.None)).Select(e => EventEnvelope.FromJson(e.EnvelopeJson))];

    /// <summary>How many times <paramref name="target"/>'s handler committed an effect for the event.</summary>
    public Task<long> EffectsAsync(string target, string eventId) =>
        Store.Database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM effects WHERE target = @target AND event_id = @id";
            foreach (var (name, value) in new[] { ("@target", target), ("@id", eventId) })
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            return Convert.ToInt64(await command.ExecuteScalarAsync());
        });

    public Task<RuntimeActivity> WaitForAsync(RuntimeActivityKind kind, string eventId, string target, int count = 1) =>
        Monitor.WaitForAsync(a => a.Kind == kind && a.EventId == eventId && a.Queue == target, WaitLimit, count);

    public IReadOnlyList<RuntimeActivity> Activities(string eventId, string target) =>
        [.. Monitor.Recent.Where(a => a.EventId == eventId && a.Queue == target)];

    public async ValueTask DisposeAsync()
    {
        _relay.Dispose();
        Monitor.Dispose();
        await Store.DisposeAsync();
    }
}
