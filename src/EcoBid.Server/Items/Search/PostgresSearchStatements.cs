using EcoBid.Domain.Geo;

namespace EcoBid.Server.Items.Search;

/// <summary>
/// PostgreSQL: words through <c>tsvector</c> columns with GIN indexes (<c>item_search</c>: all words, and the title's
/// alone for the first relevance tier), places through a GiST index on the item's point (<c>items.place</c>, longitude
/// and latitude, the R*Tree's job). Categories and modes are plain column filters: the planner combines them with
/// either index, so nothing is filed beside the words. Text is folded as <see cref="PostgresSearchText"/> says.
/// </summary>
public sealed class PostgresSearchStatements : SearchStatements
{
    public static readonly PostgresSearchStatements Instance = new();

    public override SqlQuery Matching(ItemSearchQuery query, string text, int tier, long? before)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = new SqlQuery().Append("SELECT i.seq, i.lat, i.lon FROM item_search s JOIN items i ON i.seq = s.seq WHERE ");
        var words = sql.Bind(PostgresSearchText.Fold(text));
        var tsquery = $"plainto_tsquery('{PostgresSearchText.Configuration}', {words})";
        sql.Append(query.Sort != SearchSort.Relevance ? $"s.words @@ {tsquery}"
            : tier == 0 ? $"s.title_words @@ {tsquery}"
            : $"s.words @@ {tsquery} AND NOT (s.title_words @@ {tsquery})");
        if (before is { } seq)
        {
            sql.Append($" AND s.seq < {sql.Bind(seq)}");
        }

        if (query.Area is { } area)
        {
            sql.Append(" AND (").Append(string.Join(" OR ", area.BoundingBoxes().Select(b => Inside(sql, b)))).Append(")");
        }

        return sql.AppendFilters(query).Append(" ORDER BY s.seq DESC");
    }

    public override SqlQuery CountInBox(GeoBox box, long limit)
    {
        var sql = new SqlQuery().Append("SELECT COUNT(*) FROM (SELECT 1 FROM items i WHERE ");
        sql.Append(Inside(sql, box));
        return sql.Append($" LIMIT {sql.Bind(limit)}) AS counted");
    }

    public override SqlQuery AppendInBox(SqlQuery sql, GeoBox box)
    {
        ArgumentNullException.ThrowIfNull(sql);
        sql.Append("SELECT i.seq AS seq, i.lat AS lat, i.lon AS lon FROM items i WHERE ");
        return sql.Append(Inside(sql, box));
    }

    public override string ListedFrom(ItemSearchQuery query) => "SELECT i.seq, i.lat, i.lon FROM items i WHERE 1 = 1";

    public override SqlQuery? RingMatching(ItemSearchQuery query, string text, IReadOnlyList<GeoBox> ring, IReadOnlyList<GeoBox> seen)
    {
        var pieces = GeoBox.Without(ring, seen);
        if (pieces.Count == 0)
        {
            return null;
        }

        var sql = new SqlQuery().Append("SELECT s.seq FROM item_search s JOIN items i ON i.seq = s.seq WHERE ");
        sql.Append($"s.words @@ plainto_tsquery('{PostgresSearchText.Configuration}', {sql.Bind(PostgresSearchText.Fold(text))}) AND (");
        return sql.Append(string.Join(" OR ", pieces.Select(p => Inside(sql, p)))).Append(")");
    }

    public override SqlQuery InPiece(GeoBox piece)
    {
        var sql = new SqlQuery().Append("SELECT i.seq FROM items i WHERE ");
        return sql.Append(Inside(sql, piece));
    }

    public override SqlQuery CountMatching(ItemSearchQuery query, string text, int limit)
    {
        var sql = new SqlQuery().Append("SELECT COUNT(*) FROM (SELECT 1 FROM item_search s WHERE ");
        sql.Append($"s.words @@ plainto_tsquery('{PostgresSearchText.Configuration}', {sql.Bind(PostgresSearchText.Fold(text))})");
        return sql.Append($" LIMIT {sql.Bind(limit)}) AS counted");
    }

    public override SqlQuery RowsOf(IReadOnlyCollection<long> ids)
    {
        var sql = new SqlQuery().Append("SELECT i.seq, i.lat, i.lon FROM items i WHERE ");
        return sql.Append($"i.seq = ANY({sql.Bind(ids.ToArray())})");
    }

    public override SqlQuery AppendLimit(SqlQuery sql, long? limit)
    {
        ArgumentNullException.ThrowIfNull(sql);
        return limit is { } most ? sql.Append($" LIMIT {sql.Bind(most)}") : sql;
    }

    /// <summary>The item's point lies in the box, edges included: the GiST index answers it.</summary>
    private static string Inside(SqlQuery sql, GeoBox box) =>
        $"i.place <@ box(point({sql.Bind(box.MinLon)}, {sql.Bind(box.MinLat)}), point({sql.Bind(box.MaxLon)}, {sql.Bind(box.MaxLat)}))";
}
