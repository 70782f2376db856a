using System.Data.Common;
using Dapper;
using EcoBid.Server.Storage;

namespace EcoBid.Server.Items;

/// <summary>
/// What a list needs to show an item another resource points at: its title and its cover thumbnail (null until the
/// item has a processed photo), so a screen never fetches each item separately.
/// </summary>
public sealed record ItemSummary(string Id, string Title, string? Thumbnail)
{
    public static async Task<IReadOnlyDictionary<string, ItemSummary>> ForAsync(DbConnection connection, IEnumerable<string> itemIds, DbTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var ids = itemIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<string, ItemSummary>(StringComparer.Ordinal);
        }

        var rows = await connection.QueryAsync<(string Id, string Title)>(SqlLists.For(connection, "SELECT id, title FROM items WHERE id IN @ids"), new { ids }, transaction);
        var covers = await ItemCovers.ForAsync(connection, ids, transaction);
        return rows.ToDictionary(r => r.Id, r => new ItemSummary(r.Id, r.Title, covers.GetValueOrDefault(r.Id)), StringComparer.Ordinal);
    }
}
