using System.Data.Common;
using Dapper;

namespace EcoBid.Server.Items;

/// <summary>Item queries shared by the endpoints and handlers.</summary>
public static class ItemStore
{
    private const string Columns = "id, seller_id, title, description, category, mode, status, lat, lon, geohash, moderation, moderation_reasons, created_at, updated_at, processed_at, expires_at";

    public static Task<ItemRecord?> FindAsync(DbConnection connection, string id, DbTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<ItemRecord>($"SELECT {Columns} FROM items WHERE id = @id", new { id }, transaction);

    public static Task InsertAsync(DbConnection connection, DbTransaction transaction, ItemRecord item) =>
        connection.ExecuteAsync(
            """
            INSERT INTO items (id, seller_id, title, description, category, mode, status, lat, lon, geohash, moderation, created_at, updated_at)
            VALUES (@Id, @SellerId, @Title, @Description, @Category, @Mode, @Status, @Lat, @Lon, @Geohash, @Moderation, @CreatedAt, @UpdatedAt)
            """,
            item,
            transaction);

    /// <summary>Full-text search over approved items (FTS5, best match first).</summary>
    public static async Task<IReadOnlyList<ItemRecord>> SearchAsync(DbConnection connection, string query, int limit)
    {
        var rows = await connection.QueryAsync<ItemRecord>(
            $"""
            SELECT {string.Join(", ", Columns.Split(", ").Select(c => "i." + c))}
            FROM item_search s JOIN items i ON i.id = s.item_id
            WHERE item_search MATCH @match AND i.moderation = 'approved'
            ORDER BY bm25(item_search) LIMIT @limit
            """,
            new { match = ToFtsQuery(query), limit });
        return rows.AsList();
    }

    /// <summary>Quotes each word so user text is matched as words, never parsed as FTS5 query syntax.</summary>
    public static string ToFtsQuery(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
        return string.Join(' ', words);
    }
}
