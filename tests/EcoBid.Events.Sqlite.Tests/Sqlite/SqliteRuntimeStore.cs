using EcoBid.Events.Outbox;
using EcoBid.Events.Queues;
using EcoBid.Events.Signals;
using EcoBid.Events.Contracts;
using EcoBid.Events.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace EcoBid.Events.Sqlite.Tests.Sqlite;

/// <summary>The SQLite adapter on its own temporary file, migrated and empty.</summary>
public sealed class SqliteRuntimeStore : IRuntimeStore
{
    private readonly SqliteDatabase _database;

    private SqliteRuntimeStore(SqliteDatabase database, ManualTimeProvider clock, RuntimeSignals signals)
    {
        _database = database;
        Clock = clock;
        Signals = signals;
        Queue = new SqliteMessageQueue(database, signals);
        Outbox = new SqliteOutboxStore(database);
        Inbox = new SqliteInbox();
    }

    public ManualTimeProvider Clock { get; }

    public RuntimeSignals Signals { get; }

    public IEventDatabase Database => _database;

    public IOutboxStore Outbox { get; }

    public IMessageQueue Queue { get; }

    public IInbox Inbox { get; }

    public static async Task<IRuntimeStore> CreateAsync(ManualTimeProvider clock)
    {
        var path = Path.Combine(Path.GetTempPath(), "ecobid-tests", $"runtime-{Guid.NewGuid():N}.db");
        var signals = new RuntimeSignals();
        var database = new SqliteDatabase(Options.Create(new SqliteOptions { Path = path }), signals, clock);
        await database.MigrateAsync([]);
        return new SqliteRuntimeStore(database, clock, signals);
    }

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
        await _database.DisposeAsync();
        using (var pooled = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _database.Path, Pooling = true, DefaultTimeout = 30 }.ToString()))
        {
            SqliteConnection.ClearPool(pooled);
        }

        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_database.Path + suffix);
        }
    }
}
