using System.Data.Common;
using EcoBid.Events.Envelope;
using EcoBid.Events.Outbox;
using EcoBid.Events.Queues;
using EcoBid.Events.Rules;
using EcoBid.Events.Storage;

namespace EcoBid.Events.Contracts;

/// <summary>
/// What every contract suite shares: a fresh store of the adapter under test per test, on a manual clock, and helpers
/// that go through the ports only. SQL in the suites is plain enough for SQLite and PostgreSQL alike, with
/// <c>@name</c> parameters.
/// </summary>
public abstract class RuntimeContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset Start = new(2030, 3, 1, 9, 0, 0, TimeSpan.Zero);

    protected static readonly CancellationToken None = CancellationToken.None;

    private IRuntimeStore? _store;

    protected ManualTimeProvider Clock { get; } = new(Start);

    protected IRuntimeStore Store => _store ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    protected IEventDatabase Database => Store.Database;

    protected IOutboxStore Outbox => Store.Outbox;

    protected IMessageQueue Queue => Store.Queue;

    protected IInbox Inbox => Store.Inbox;

    /// <summary>Creates a fresh, empty store of the adapter under test that reads <paramref name="clock"/>.</summary>
    protected abstract Task<IRuntimeStore> CreateStoreAsync(ManualTimeProvider clock);

    public async Task InitializeAsync() => _store = await CreateStoreAsync(Clock);

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    protected Task WriteAsync(Func<IWriteScope, Task> work) =>
        Database.WriteAsync(async scope =>
        {
            await work(scope);
            return true;
        }, None);

    protected Task<T> WriteAsync<T>(Func<IWriteScope, Task<T>> work) => Database.WriteAsync(work, None);

    protected Task ExecuteAsync(string sql, params (string Name, object? Value)[] parameters) =>
        WriteAsync(async scope =>
        {
            await using var command = scope.Command(sql, parameters);
            await command.ExecuteNonQueryAsync(None);
        });

    protected Task<long> CountAsync(string sql, params (string Name, object? Value)[] parameters) =>
        Database.ReadAsync(async connection =>
        {
            await using var command = Command(connection, sql, parameters);
            return Convert.ToInt64(await command.ExecuteScalarAsync(None));
        }, None);

    protected Task PublishAsync(params EventEnvelope[] events) =>
        WriteAsync(async scope =>
        {
            foreach (var envelope in events)
            {
                await scope.PublishAsync(envelope);
            }
        });

    protected Task<IReadOnlyList<OutboxEntry>> PendingAsync(int max = 1000) => Outbox.ReadPendingAsync(max, None);

    /// <summary>Puts the events on the queues the way the relay does: publish, read the outbox, dispatch.</summary>
    protected async Task EnqueueAsync(IReadOnlyList<string> queues, params EventEnvelope[] events)
    {
        await PublishAsync(events);
        var pending = await PendingAsync();
        await Outbox.DispatchAsync([.. pending.Select(entry => Routed(entry, queues))], None);
    }

    protected Task EnqueueAsync(string queue, params EventEnvelope[] events) => EnqueueAsync([queue], events);

    protected Task<IReadOnlyList<QueueMessage>> ReceiveAsync(string queue, QueueSettings settings) => Queue.ReceiveAsync(queue, settings, None);

    protected static RoutedEvent Routed(OutboxEntry entry, IReadOnlyList<string> targets)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var envelope = EventEnvelope.FromJson(entry.EnvelopeJson);
        return new RoutedEvent(entry.Sequence, envelope.Id, envelope.Source, envelope.DetailType, envelope.Time, entry.EnvelopeJson, targets);
    }

    private static DbCommand Command(DbConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
