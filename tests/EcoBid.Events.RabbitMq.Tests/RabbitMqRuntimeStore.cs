using EcoBid.Events.Contracts;
using EcoBid.Events.Outbox;
using EcoBid.Events.Queues;
using EcoBid.Events.Signals;
using EcoBid.Events.Sqlite;
using EcoBid.Events.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace EcoBid.Events.RabbitMq.Tests;

/// <summary>
/// Queues on RabbitMQ (a vhost of the test's own), state, outbox and inbox on a temporary SQLite file: the
/// <c>Storage: sqlite</c>, <c>Queues: rabbitmq</c> combination.
/// </summary>
public sealed class RabbitMqRuntimeStore : IRuntimeStore
{
    private readonly SqliteDatabase _database;
    private readonly bool _ownsVhost;

    private RabbitMqRuntimeStore(string connectionString, SqliteDatabase database, ManualTimeProvider clock, TimeProvider brokerClock, RuntimeSignals signals, bool ownsVhost)
    {
        ConnectionString = connectionString;
        _database = database;
        _ownsVhost = ownsVhost;
        Clock = clock;
        Signals = signals;
        Connection = new RabbitMqConnection(Options.Create(new RabbitMqOptions { ConnectionString = connectionString, NetworkRecoveryInterval = TimeSpan.FromMilliseconds(500) }));
        RabbitMq = new RabbitMqMessageQueue(Connection, signals, brokerClock);
        Outbox = new RabbitMqOutboxStore(new SqliteOutboxStore(database), RabbitMq, brokerClock);
        Inbox = new SqliteInbox();
    }

    public string ConnectionString { get; }

    public RabbitMqConnection Connection { get; }

    public RabbitMqMessageQueue RabbitMq { get; }

    public ManualTimeProvider Clock { get; }

    public RuntimeSignals Signals { get; }

    public IEventDatabase Database => _database;

    public IOutboxStore Outbox { get; }

    public IMessageQueue Queue => RabbitMq;

    public IInbox Inbox { get; }

    /// <summary>A fresh store; the broker side reads the wall clock (<paramref name="brokerClock"/>), as the broker's own timers do.</summary>
    public static async Task<RabbitMqRuntimeStore> CreateAsync(ManualTimeProvider clock, TimeProvider? brokerClock = null, TimeProvider? databaseClock = null)
    {
        var path = Path.Combine(Path.GetTempPath(), "ecobid-tests", $"rabbitmq-{Guid.NewGuid():N}.db");
        var signals = new RuntimeSignals();
        var database = new SqliteDatabase(Options.Create(new SqliteOptions { Path = path }), signals, databaseClock ?? clock);
        await database.MigrateAsync([]);
        var vhost = await RabbitMqTestServer.CreateVhostAsync();
        return new RabbitMqRuntimeStore(vhost, database, clock, brokerClock ?? TimeProvider.System, signals, ownsVhost: true);
    }

    /// <summary>Another process's view of the same vhost and file: a connection, queue and signals of its own.</summary>
    public RabbitMqRuntimeStore OpenAnother(TimeProvider brokerClock) =>
        new(ConnectionString, _database, Clock, brokerClock, new RuntimeSignals(), ownsVhost: false);

    public Task<long> CountArchivedAsync(string eventId) =>
        _database.ReadAsync(async connection =>
        {
            await using var command = (SqliteCommand)connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM event_archive WHERE event_id = $id";
            command.Parameters.AddWithValue("$id", eventId);
            return Convert.ToInt64(await command.ExecuteScalarAsync());
        });

    public async ValueTask DisposeAsync()
    {
        await RabbitMq.DisposeAsync();
        await Connection.DisposeAsync();
        if (!_ownsVhost)
        {
            return;
        }

        await RabbitMqTestServer.DeleteVhostAsync(ConnectionString);
        await _database.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_database.Path + suffix);
        }
    }
}
