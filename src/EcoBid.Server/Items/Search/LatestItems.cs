using EcoBid.Domain.Geo;

namespace EcoBid.Server.Items.Search;

/// <summary>
/// Newest first (and relevance, which is newest first within each tier). Each tier is one statement whose rows come in
/// listing order, so reading stops as soon as a page is full: FTS5 reads a word's matches newest first, and the
/// newest-first indexes hold the filters and coordinates, so neither touches rows that are not shown.
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
            var sql = query.Text is { } text ? Matching(query, text, tier, before) : await ListedAsync(session, before);
            await session.ReadInOrderAsync(sql, tier, found, needed);
        }

        return found;
    }

    private static SqlQuery Matching(ItemSearchQuery query, string text, int tier, long? before)
    {
        var words = query.Sort != SearchSort.Relevance ? SearchMatch.Words(text)
            : tier == 0 ? SearchMatch.TitleWords(text)
            : SearchMatch.NotAllInTitle(text);
        var match = SearchMatch.Filtered(words, query);
        if (query.Area is { } area)
        {
            match = SearchMatch.Near(match, area);
        }

        var sql = new SqlQuery().Append("SELECT i.seq, i.lat, i.lon FROM item_search s CROSS JOIN items i ON i.seq = s.rowid WHERE ");
        sql.Append($"item_search MATCH {sql.Bind(match)}");
        if (before is { } seq)
        {
            sql.Append($" AND s.rowid < {sql.Bind(seq)}");
        }

        return sql.AppendFilters(query).Append(" ORDER BY s.rowid DESC");
    }

    private static async Task<SqlQuery> ListedAsync(SearchSession session, long? before)
    {
        var query = session.Query;
        if (query.Area is not { } area)
        {
            return InListingOrder(query, before, []);
        }

        var boxes = area.BoundingBoxes();
        if (await CountUpToAsync(session, boxes, SmallAreaBudget) < SmallAreaBudget)
        {
            return InSmallArea(query, boxes, before);
        }

        // A busy area: most recent listings there turn up soon enough in the listing order, checked in the index.
        return InListingOrder(query, before, boxes);
    }

    /// <summary>How many points the boxes hold, counting no further than <paramref name="budget"/>.</summary>
    private static async Task<long> CountUpToAsync(SearchSession session, IReadOnlyList<GeoBox> boxes, int budget)
    {
        long count = 0;
        foreach (var box in boxes)
        {
            var sql = new SqlQuery().Append("SELECT COUNT(*) FROM (SELECT 1 FROM item_geo g WHERE ");
            sql.AppendOverlaps(box).Append($" LIMIT {sql.Bind(budget - count)})");
            count += await session.CountAsync(sql);
        }

        return count;
    }

    private static SqlQuery InSmallArea(ItemSearchQuery query, IReadOnlyList<GeoBox> boxes, long? before)
    {
        var sql = new SqlQuery().Append("SELECT seq, lat, lon FROM (");
        for (var i = 0; i < boxes.Count; i++)
        {
            sql.Append(i == 0 ? string.Empty : " UNION ALL ")
                .Append("SELECT i.seq AS seq, i.lat AS lat, i.lon AS lon FROM item_geo g CROSS JOIN items i ON i.seq = g.id WHERE ")
                .AppendOverlaps(boxes[i])
                .AppendFilters(query);
            if (before is { } seq)
            {
                sql.Append($" AND i.seq < {sql.Bind(seq)}");
            }
        }

        return sql.Append(") ORDER BY seq DESC");
    }

    private static SqlQuery InListingOrder(ItemSearchQuery query, long? before, IReadOnlyList<GeoBox> boxes)
    {
        // Named, because with several categories or a box the planner may prefer sorting a range over walking an index.
        var index = query.Categories.Count == 1 ? "ix_items_newest_by_category" : "ix_items_newest";
        var sql = new SqlQuery().Append($"SELECT i.seq, i.lat, i.lon FROM items i INDEXED BY {index} WHERE 1 = 1");
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
