using EcoBid.Domain.Geo;

namespace EcoBid.Server.Items.Search;

/// <summary>
/// Newest first (and relevance, which is newest first within each tier). Each tier is one statement whose rows come in
/// listing order, so reading stops as soon as a page is full: the word index reads a word's matches newest first, and
/// the newest-first indexes hold the filters and coordinates, so neither touches rows that are not shown.
/// </summary>
public static class LatestItems
{
    /// <summary>Below this many points in the search box, reading them all and sorting beats scanning the listing order.</summary>
    private const int SmallAreaBudget = 2000;

    public static async Task<List<SearchCandidate>> FindAsync(SearchSession session, int needed)
    {
        ArgumentNullException.ThrowIfNull(session);
        var query = session.Query;
        var tiers = query.Sort == SearchSort.Relevance ? 2 : 1;
        var found = new List<SearchCandidate>();
        for (var tier = query.After?.Tier ?? 0; tier < tiers && found.Count < needed; tier++)
        {
            var before = query.After is { } after && after.Tier == tier ? after.Seq : (long?)null;
            var sql = query.Text is { } text ? session.Statements.Matching(query, text, tier, before) : await ListedAsync(session, before);
            await session.ReadInOrderAsync(sql, tier, found, needed);
        }

        return found;
    }

    private static async Task<SqlQuery> ListedAsync(SearchSession session, long? before)
    {
        var query = session.Query;
        if (query.Area is not { } area)
        {
            return InListingOrder(session, before, []);
        }

        var boxes = area.BoundingBoxes();
        if (await CountUpToAsync(session, boxes, SmallAreaBudget) < SmallAreaBudget)
        {
            return InSmallArea(session, boxes, before);
        }

        // A busy area: most recent listings there turn up soon enough in the listing order, checked in the index.
        return InListingOrder(session, before, boxes);
    }

    /// <summary>How many points the boxes hold, counting no further than <paramref name="budget"/>.</summary>
    private static async Task<long> CountUpToAsync(SearchSession session, IReadOnlyList<GeoBox> boxes, int budget)
    {
        long count = 0;
        foreach (var box in boxes)
        {
            count += await session.CountAsync(session.Statements.CountInBox(box, budget - count));
        }

        return count;
    }

    private static SqlQuery InSmallArea(SearchSession session, IReadOnlyList<GeoBox> boxes, long? before)
    {
        var query = session.Query;
        var sql = new SqlQuery().Append("SELECT seq, lat, lon FROM (");
        for (var i = 0; i < boxes.Count; i++)
        {
            session.Statements.AppendInBox(sql.Append(i == 0 ? string.Empty : " UNION ALL "), boxes[i]).AppendFilters(query);
            if (before is { } seq)
            {
                sql.Append($" AND i.seq < {sql.Bind(seq)}");
            }
        }

        return sql.Append(") AS area ORDER BY seq DESC");
    }

    private static SqlQuery InListingOrder(SearchSession session, long? before, IReadOnlyList<GeoBox> boxes)
    {
        var query = session.Query;
        var sql = new SqlQuery().Append(session.Statements.ListedFrom(query));
        sql.AppendFilters(query);
        if (before is { } seq)
        {
            sql.Append($" AND i.seq < {sql.Bind(seq)}");
        }

        if (boxes.Count > 0)
        {
            sql.AppendItemInAny(boxes);
        }

        return sql.Append(" ORDER BY i.seq DESC");
    }
}
