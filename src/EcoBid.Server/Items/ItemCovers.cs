using System.Data.Common;
using EcoBid.Server.Images;

namespace EcoBid.Server.Items;

/// <summary>The cover thumbnail of each item: the URL of its first ready photo's list rendition, when it has one.</summary>
public static class ItemCovers
{
    // ItemSummary, which lists call from static views, reads covers through here; the statements are the photo store's.
    private static readonly SqliteImageStore Store = new();

    public static async Task<IReadOnlyDictionary<string, string>> ForAsync(DbConnection connection, IReadOnlyCollection<string> itemIds, DbTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(itemIds);
        var covers = await Store.CoversAsync(connection, itemIds, transaction);
        var thumbnails = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (itemId, cover) in covers)
        {
            if (ImageResponse.From(cover, forOwner: false).Urls is { } urls)
            {
                thumbnails[itemId] = urls.Thumb;
            }
        }

        return thumbnails;
    }
}
