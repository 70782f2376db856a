using System.Text.Json;
using Dapper;
using EcoBid.Events.Archive;
using EcoBid.Events.Envelope;
using EcoBid.Events.Outbox;
using EcoBid.Events.Queues;
using EcoBid.Events.Rules;
using EcoBid.Events.Signals;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EcoBid.Events.Sqlite.Tests.Infrastructure;

/// <summary>The SQLite runtime's parts as one process composes them, with helpers to archive events and look at queues.</summary>
public sealed class RuntimeNode : IDisposable
{
    public RuntimeNode(string path, TimeProvider clock)
    {
        Clock = clock;
        Database = new SqliteDatabase(Options.Create(new SqliteOptions { Path = path }), Signals, clock);
        Queue = new SqliteMessageQueue(Database, Signals);
        Archive = new SqliteEventArchive(Database);
        Replays = new SqliteReplayStore(Database);
    }

    public TimeProvider Clock { get; }

    public RuntimeSignals Signals { get; } = new();

    public SqliteDatabase Database { get; }

    public SqliteMessageQueue Queue { get; }

    public SqliteEventArchive Archive { get; }

    public SqliteReplayStore Replays { get; }

    public ReplayService Service(RuleSet rules) => new(Replays, rules, Signals, Clock);

    public ReplayRunner Runner(RuleSet rules, int batchSize, IMessageQueue? queue = null) => new(
        Replays, Archive, queue ?? Queue, Database, rules, Signals, Clock,
        Options.Create(new ArchiveOptions { ReplayBatchSize = batchSize }),
        Options.Create(new RuntimeOptions { IdleRecheck = TimeSpan.FromMilliseconds(50) }),
        NullLogger<ReplayRunner>.Instance);

    /// <summary>Archives events as the relay would, without enqueuing them anywhere.</summary>
    public Task ArchiveAsync(params EventEnvelope[] envelopes)
    {
        var sequence = 0L;
        var routed = envelopes.Select(e => new RoutedEvent(++sequence, e.Id, e.Source, e.DetailType, e.Time, e.ToJson(), [])).ToList();
        return new SqliteOutboxStore(Database).DispatchAsync(routed, CancellationToken.None);
    }

    public Task<List<QueuedRow>> MessagesAsync() =>
        Database.ReadAsync(async connection =>
            (await connection.QueryAsync<QueuedRow>("SELECT queue AS Queue, event_id AS EventId, message_key AS MessageKey, body AS Body FROM queue_messages ORDER BY id")).AsList());

    public Task<long> ArchivedCountAsync() =>
        Database.ReadAsync(connection => connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM event_archive"));

    public static EventEnvelope Event(string id, DateTimeOffset time, string source = "ecobid.items", string detailType = "ItemCreated", string detail = "{}")
    {
        using var document = JsonDocument.Parse(detail);
        return new EventEnvelope { Id = id, Source = source, DetailType = detailType, Time = time, Detail = document.RootElement.Clone() };
    }

    public void Dispose() => Database.Dispose();

    public sealed record QueuedRow(string Queue, string EventId, string MessageKey, string Body);
}
