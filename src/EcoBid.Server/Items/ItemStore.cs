using System.Data.Common;
using Dapper;
using EcoBid.Server.Storage;

namespace EcoBid.Server.Items;

/// <summary>Item queries shared by the endpoints and handlers.</summary>
public static class ItemStore
{
    public const string Columns = "seq, id, seller_id, title, description, category, mode, status, lat, lon, geohash, moderation, moderation_reasons, created_at, updated_at, processed_at, expires_at";

    public static Task<ItemRecord?> FindAsync(DbConnection connection, string id, DbTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<ItemRecord>($"SELECT {Columns} FROM items WHERE id = @id", new { id }, transaction);

    /// <summary>The items with these row ids, in no particular order.</summary>
    public static async Task<IReadOnlyList<ItemRecord>> FindBySeqAsync(DbConnection connection, IReadOnlyCollection<long> seqs, DbTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(seqs);
        if (seqs.Count == 0)
        {
            return [];
        }

        return (await connection.QueryAsync<ItemRecord>(SqlLists.For(connection, $"SELECT {Columns} FROM items WHERE seq IN @seqs"), new { seqs }, transaction)).AsList();
    }

    private const string Insert = """
        INSERT INTO items (id, seller_id, title, description, category, mode, status, lat, lon, geohash, moderation, created_at, updated_at)
        VALUES (@Id, @SellerId, @Title, @Description, @Category, @Mode, @Status, @Lat, @Lon, @Geohash, @Moderation, @CreatedAt, @UpdatedAt);
        """;

    /// <summary>
    /// Inserts the item and files its point for nearby search, in the caller's transaction: in the R*Tree on SQLite; on
    /// PostgreSQL the point is a generated column with its own index.
    /// </summary>
    public static Task InsertAsync(DbConnection connection, DbTransaction transaction, ItemRecord item) =>
        connection.ExecuteAsync(
            SqlDialects.Of(connection) == SqlDialect.Postgres
                ? Insert
                : Insert + "INSERT INTO item_geo (id, min_lat, max_lat, min_lon, max_lon) VALUES (last_insert_rowid(), @Lat, @Lat, @Lon, @Lon);",
            item,
            transaction);

    /// <summary>Quotes each word so user text is matched as words, never parsed as FTS5 query syntax.</summary>
    public static string ToFtsQuery(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
        return string.Join(' ', words);
    }
}
