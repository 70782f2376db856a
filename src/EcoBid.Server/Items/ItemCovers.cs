using System.Data.Common;

namespace EcoBid.Server.Items;

/// <summary>The cover thumbnail of each item: the URL of its first ready photo's list rendition, when it has one.</summary>
public static class ItemCovers
{
    public static Task<IReadOnlyDictionary<string, string>> ForAsync(DbConnection connection, IReadOnlyCollection<string> itemIds, DbTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(itemIds);
        // Items have no photos yet: every thumbnail slot stays empty.
        _ = transaction;
        return Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>(StringComparer.Ordinal));
    }
}
