using Dapper;
using Microsoft.Data.Sqlite;

namespace EcoBid.Server.Tests.Backups;

/// <summary>What a restored database holds of the item pipeline, read straight from the file (read-only).</summary>
public sealed record RestoredFile(
    IReadOnlyDictionary<string, string> ItemTitlesById,
    IReadOnlyList<string> ItemCreatedItemIds,
    IReadOnlyList<string> QueuedEventsNotArchived,
    string IntegrityCheck)
{
    public static async Task<RestoredFile> ReadAsync(string databasePath)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        var items = (await connection.QueryAsync<(string Id, string Title)>("SELECT id, title FROM items")).ToDictionary(i => i.Id, i => i.Title, StringComparer.Ordinal);

        // An ItemCreated is either still in the outbox (committed, not yet dispatched) or archived: never both, never neither.
        var created = (await connection.QueryAsync<string>("""
            SELECT json_extract(envelope, '$.detail.itemId') FROM outbox WHERE json_extract(envelope, '$.detail-type') = 'ItemCreated'
            UNION ALL
            SELECT json_extract(envelope, '$.detail.itemId') FROM event_archive WHERE detail_type = 'ItemCreated'
            """)).ToList();
        var orphans = (await connection.QueryAsync<string>("SELECT event_id FROM queue_messages WHERE event_id NOT IN (SELECT event_id FROM event_archive)")).ToList();
        var integrity = string.Join("; ", await connection.QueryAsync<string>("PRAGMA integrity_check"));
        return new RestoredFile(items, created, orphans, integrity);
    }
}
