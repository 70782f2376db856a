using System.Text.Json;
using EcoBid.Events.Envelope;
using EcoBid.Events.Outbox;
using EcoBid.Events.Signals;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace EcoBid.Events.Sqlite.Tests;

/// <summary>A fresh database file with the runtime schema and a small <c>notes</c> table, deleted afterwards.</summary>
internal sealed class SqliteTestDatabase : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"ecobid-sqlite-tests-{Guid.NewGuid():N}");

    private SqliteTestDatabase()
    {
        Directory.CreateDirectory(_directory);
        Database = new SqliteDatabase(Options.Create(new SqliteOptions { Path = Path.Combine(_directory, "test.db") }), Signals, TimeProvider.System);
    }

    public RuntimeSignals Signals { get; } = new();

    public SqliteDatabase Database { get; }

    public static async Task<SqliteTestDatabase> CreateAsync()
    {
        var test = new SqliteTestDatabase();
        await test.Database.MigrateAsync([new SchemaScript("tests", 1, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);")]);
        return test;
    }

    /// <summary>Publishes an envelope per id and dispatches them all to <paramref name="targets"/>, as the relay does.</summary>
    public Task EnqueueAsync(IReadOnlyList<string> targets, params string[] ids) => DispatchAsync(null, targets, ids);

    /// <summary>As <see cref="EnqueueAsync"/>, offering the messages to <paramref name="handoff"/>; returns the targets that got stored messages.</summary>
    public async Task<IReadOnlyCollection<string>> DispatchAsync(Queues.QueueHandoff? handoff, IReadOnlyList<string> targets, params string[] ids)
    {
        await Database.WriteAsync(async scope =>
        {
            foreach (var id in ids)
            {
                await scope.PublishAsync(Envelope(id));
            }

            return true;
        });
        var outbox = new SqliteOutboxStore(Database, handoff);
        var pending = await outbox.ReadPendingAsync(1000, CancellationToken.None);
        // Only these events: others in the outbox (a dead letter's ErrorOccurred, say) are not the test's to route.
        return await outbox.DispatchAsync(
            [.. pending.Select(entry => (entry, envelope: EventEnvelope.FromJson(entry.EnvelopeJson)))
                .Where(e => ids.Contains(e.envelope.Id))
                .Select(e => new RoutedEvent(e.entry.Sequence, e.envelope.Id, e.envelope.Source, e.envelope.DetailType, e.envelope.Time, e.entry.EnvelopeJson, targets))],
            CancellationToken.None);
    }

    public static EventEnvelope Envelope(string id)
    {
        using var detail = JsonDocument.Parse("{}");
        return new EventEnvelope
        {
            Id = id,
            Source = "ecobid.tests",
            DetailType = "Tested",
            Time = DateTimeOffset.UtcNow,
            Detail = detail.RootElement.Clone(),
        };
    }

    public Task<long> ScalarAsync(string sql) =>
        Database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(await command.ExecuteScalarAsync());
        });

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
