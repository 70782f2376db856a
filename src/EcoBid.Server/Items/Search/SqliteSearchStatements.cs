using System.Globalization;
using EcoBid.Domain.Geo;

namespace EcoBid.Server.Items.Search;

/// <summary>
/// SQLite: words through FTS5 (<c>item_search</c>, keyed by the item's seq, with its categories and geohash cells
/// filed beside the words so FTS5 narrows by place and kind inside the index), places through an R*Tree
/// (<c>item_geo</c>).
/// </summary>
public sealed class SqliteSearchStatements : SearchStatements
{
    public static readonly SqliteSearchStatements Instance = new();

    public override SqlQuery Matching(ItemSearchQuery query, string text, int tier, long? before)
    {
        ArgumentNullException.ThrowIfNull(query);
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

    public override SqlQuery CountInBox(GeoBox box, long limit)
    {
        var sql = new SqlQuery().Append("SELECT COUNT(*) FROM (SELECT 1 FROM item_geo g WHERE ");
        return sql.AppendOverlaps(box).Append($" LIMIT {sql.Bind(limit)}) AS counted");
    }

    public override SqlQuery AppendInBox(SqlQuery sql, GeoBox box)
    {
        ArgumentNullException.ThrowIfNull(sql);
        return sql.Append("SELECT i.seq AS seq, i.lat AS lat, i.lon AS lon FROM item_geo g CROSS JOIN items i ON i.seq = g.id WHERE ").AppendOverlaps(box);
    }

    // Named, because with several categories or a box the planner may prefer sorting a range over walking an index.
    public override string ListedFrom(ItemSearchQuery query) =>
        $"SELECT i.seq, i.lat, i.lon FROM items i INDEXED BY {(query?.Categories.Count == 1 ? "ix_items_newest_by_category" : "ix_items_newest")} WHERE 1 = 1";

    public override SqlQuery? RingMatching(ItemSearchQuery query, string text, IReadOnlyList<GeoBox> ring, IReadOnlyList<GeoBox> seen)
    {
        // FTS5 reads the words' matches in the cells that cover the ring, skipping cells read whole before; the rest of
        // what was read before comes again and is dropped.
        var cover = GeohashCover.Of(ring, SearchCells.FinestPrecision, SearchMatch.MaxCoverCells);
        var cells = cover.Cells.Where(c => !seen.Any(s => s.Contains(Geohash.Bounds(c)))).ToList();
        if (cells.Count == 0)
        {
            return null;
        }

        var sql = new SqlQuery().Append("SELECT rowid FROM item_search WHERE ");
        return sql.Append($"item_search MATCH {sql.Bind(SearchMatch.InCells(SearchMatch.Filtered(SearchMatch.Words(text), query), cells))}");
    }

    public override SqlQuery InPiece(GeoBox piece) => new SqlQuery().Append("SELECT id FROM item_geo g WHERE ").AppendOverlaps(piece);

    public override SqlQuery CountMatching(ItemSearchQuery query, string text, int limit)
    {
        var sql = new SqlQuery().Append("SELECT COUNT(*) FROM (SELECT 1 FROM item_search WHERE ");
        return sql.Append($"item_search MATCH {sql.Bind(SearchMatch.Filtered(SearchMatch.Words(text), query))} LIMIT {sql.Bind(limit)}) AS counted");
    }

    public override SqlQuery RowsOf(IReadOnlyCollection<long> ids)
    {
        var sql = new SqlQuery().Append("SELECT i.seq, i.lat, i.lon FROM items i WHERE ");
        return sql.Append($"i.seq IN (SELECT value FROM json_each({sql.Bind("[" + string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture))) + "]")}))");
    }

    public override SqlQuery AppendLimit(SqlQuery sql, long? limit)
    {
        ArgumentNullException.ThrowIfNull(sql);
        return sql.Append($" LIMIT {sql.Bind(limit ?? -1)}");
    }
}
