using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace EcoBid.Server.Items.Search;

/// <summary>Runs a search: finds the page's items in order, one more to know whether a page follows, then loads them.</summary>
public static class ItemSearch
{
    public static async Task<ItemSearchResponse> RunAsync(DbConnection connection, ItemSearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(query);

        // One read transaction: the candidates and the rows loaded for them come from the same snapshot. Deferred, so it
        // takes no write lock (Microsoft.Data.Sqlite begins IMMEDIATE by default).
        await using var transaction = connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync(cancellationToken);
        var session = new SearchSession(connection, transaction, query, cancellationToken);
        var needed = query.Limit + 1;
        var found = query.Sort == SearchSort.Distance
            ? await NearestItems.FindAsync(session, needed)
            : await LatestItems.FindAsync(session, needed);
        var page = found.Count > query.Limit ? found.GetRange(0, query.Limit) : found;
        var items = (await ItemStore.FindBySeqAsync(connection, page.ConvertAll(c => c.Seq), transaction)).ToDictionary(i => i.Seq);
        var hits = page.ConvertAll(c => ItemSearchHit.From(items[c.Seq], query.Area is null ? null : c.DistanceKm));
        var next = found.Count > query.Limit ? SearchCursor.Encode(page[^1].Position, query.Fingerprint) : null;
        return new ItemSearchResponse(hits, next);
    }
}
