using EcoBid.Domain.Geo;

namespace EcoBid.Server.Items.Search;

/// <summary>The SQL conditions searches share. Items are aliased <c>i</c>, the R*Tree <c>g</c>, the FTS5 table <c>s</c>.</summary>
public static class SearchSql
{
    /// <summary>The filters every public search applies: status, approved by moderation, categories, mode.</summary>
    public static SqlQuery AppendFilters(this SqlQuery sql, ItemSearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(query);
        sql.Append($" AND i.status = {sql.Bind(query.Status)} AND i.moderation = 'approved'");
        if (query.Categories.Count == 1)
        {
            sql.Append($" AND i.category = {sql.Bind(query.Categories[0])}");
        }
        else if (query.Categories.Count > 1)
        {
            sql.Append($" AND i.category IN ({string.Join(", ", query.Categories.Select(sql.Bind))})");
        }

        if (query.Mode is { } mode)
        {
            sql.Append($" AND i.mode = {sql.Bind(mode)}");
        }

        return sql;
    }

    /// <summary>The R*Tree entry overlaps the box (for a point: lies in it, edges included).</summary>
    public static SqlQuery AppendOverlaps(this SqlQuery sql, GeoBox box)
    {
        ArgumentNullException.ThrowIfNull(sql);
        return sql.Append($"g.max_lat >= {sql.Bind(box.MinLat)} AND g.min_lat <= {sql.Bind(box.MaxLat)} AND g.max_lon >= {sql.Bind(box.MinLon)} AND g.min_lon <= {sql.Bind(box.MaxLon)}");
    }

    /// <summary>The item's own coordinates lie in one of the boxes (a cheap test before the exact distance).</summary>
    public static SqlQuery AppendItemInAny(this SqlQuery sql, IReadOnlyList<GeoBox> boxes)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(boxes);
        var tests = boxes.Select(b => $"(i.lat BETWEEN {sql.Bind(b.MinLat)} AND {sql.Bind(b.MaxLat)} AND i.lon BETWEEN {sql.Bind(b.MinLon)} AND {sql.Bind(b.MaxLon)})").ToList();
        return sql.Append($" AND ({string.Join(" OR ", tests)})");
    }
}
