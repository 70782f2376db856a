using Dapper;
using Microsoft.Data.Sqlite;

namespace EcoBid.Server.Tests.Crash;

/// <summary>The item pipeline's tables, read straight from the server's SQLite file.</summary>
public sealed record PipelineSnapshot(
    IReadOnlyList<PipelineSnapshot.Item> Items,
    IReadOnlyList<(string EventId, string? ItemId)> ArchivedItemCreated,
    IReadOnlyList<string> SearchRows,
    IReadOnlyList<(string Consumer, string MessageKey)> Inbox,
    IReadOnlyDictionary<string, long> Counters,
    IReadOnlyList<PipelineSnapshot.LeftoverMessage> QueueMessages,
    long OutboxCount)
{
    public sealed record Item(string Id, string Title, string Category, string Mode, long? ProcessedAt, long? ExpiresAt, string Moderation);

    public sealed record LeftoverMessage(long Id, string Queue, string EventId, int ReceiveCount, bool DeadLettered, string? LastError);

    public static async Task<PipelineSnapshot> ReadAsync(string databasePath)
    {
        await using var connection = await OpenAsync(databasePath);
        var items = (await connection.QueryAsync<(string, string, string, string, long?, long?, string)>(
                "SELECT id, title, category, mode, processed_at, expires_at, moderation FROM items"))
            .Select(r => new Item(r.Item1, r.Item2, r.Item3, r.Item4, r.Item5, r.Item6, r.Item7))
            .ToList();
        var archived = (await connection.QueryAsync<(string, string?)>(
            "SELECT event_id, json_extract(envelope, '$.detail.itemId') FROM event_archive WHERE detail_type = 'ItemCreated'")).ToList();
        var search = (await connection.QueryAsync<string>("SELECT item_id FROM item_search")).ToList();
        var inbox = (await connection.QueryAsync<(string, string)>("SELECT consumer, message_key FROM inbox WHERE message_key NOT IN (SELECT event_id FROM event_archive WHERE detail_type <> 'ItemCreated')")).ToList();
        var counters = (await connection.QueryAsync<(string Name, long Value)>("SELECT name, value FROM stats_totals"))
            .ToDictionary(c => c.Name, c => c.Value, StringComparer.Ordinal);
        var messages = (await connection.QueryAsync<(long, string, string, int, long?, string?)>(
                "SELECT id, queue, event_id, receive_count, dead_lettered_at, last_error FROM queue_messages ORDER BY id"))
            .Select(r => new LeftoverMessage(r.Item1, r.Item2, r.Item3, r.Item4, r.Item5 is not null, r.Item6))
            .ToList();
        var outbox = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox");
        return new PipelineSnapshot(items, archived, search, inbox, counters, messages, outbox);
    }

    /// <summary>Events still waiting in the outbox; safe to call while the server runs (WAL readers do not block it).</summary>
    public static async Task<long> CountOutboxAsync(string databasePath)
    {
        await using var connection = await OpenAsync(databasePath);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox");
    }

    private static async Task<SqliteConnection> OpenAsync(string databasePath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync();
        await connection.ExecuteAsync("PRAGMA busy_timeout = 10000");
        return connection;
    }
}
