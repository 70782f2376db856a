using EcoBid.Events.Contracts;
using EcoBid.Events.Outbox;
using EcoBid.Events.Queues;
using EcoBid.Events.Signals;
using EcoBid.Events.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace EcoBid.Events.Postgres.Tests;

/// <summary>The PostgreSQL adapter on a schema of its own in the run's database, migrated and empty.</summary>
public sealed class PostgresRuntimeStore : IRuntimeStore
{
    private readonly bool _owns;

    private PostgresRuntimeStore(string connectionString, PostgresDatabase database, ManualTimeProvider clock, RuntimeSignals signals, bool owns)
    {
        _owns = owns;
        ConnectionString = connectionString;
        Postgres = database;
        Clock = clock;
        Signals = signals;
        Lease = new PostgresRelayLease(database);
        Queue = new PostgresMessageQueue(database, signals);
        Outbox = new PostgresOutboxStore(database, Lease);
        Inbox = new PostgresInbox();
        Timers = new PostgresTimerStore(database, signals);
    }

    public string ConnectionString { get; }

    public PostgresDatabase Postgres { get; }

    public PostgresRelayLease Lease { get; }

    public PostgresTimerStore Timers { get; }

    public ManualTimeProvider Clock { get; }

    public RuntimeSignals Signals { get; }

    public IEventDatabase Database => Postgres;

    public IOutboxStore Outbox { get; }

    public IMessageQueue Queue { get; }

    public IInbox Inbox { get; }

    public static async Task<PostgresRuntimeStore> CreateAsync(ManualTimeProvider clock) =>
        await OpenAsync(await PostgresTestServer.CreateSchemaAsync(), clock);

    /// <summary>A second "process" on the same schema: a data source, lease and signals of its own.</summary>
    public Task<PostgresRuntimeStore> OpenAnotherAsync() => OpenAsync(ConnectionString, Clock, owns: false);

    public Task<long> CountArchivedAsync(string eventId) =>
        Postgres.ReadAsync(async connection =>
        {
            await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM event_archive WHERE event_id = @id", (NpgsqlConnection)connection);
            command.Parameters.AddWithValue("id", eventId);
            return Convert.ToInt64(await command.ExecuteScalarAsync());
        });

    public async ValueTask DisposeAsync()
    {
        await Lease.DisposeAsync();
        await Postgres.DisposeAsync();
        if (_owns)
        {
            await PostgresTestServer.DropSchemaAsync(ConnectionString);
        }
    }

    private static async Task<PostgresRuntimeStore> OpenAsync(string connectionString, ManualTimeProvider clock, bool owns = true)
    {
        var signals = new RuntimeSignals();
        var database = new PostgresDatabase(Options.Create(new PostgresOptions { ConnectionString = connectionString }), signals, clock);
        await database.MigrateAsync([]);
        return new PostgresRuntimeStore(connectionString, database, clock, signals, owns);
    }
}
