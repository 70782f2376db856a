using EcoBid.Domain.Geo;

namespace EcoBid.Server.Items.Search;

/// <summary>
/// Nearest first. Reads the items of a circle and widens it until enough lie within it (or it reaches the search
/// radius): every item in a circle's bounding boxes has then been seen, so the nearest ones are known exactly. Each
/// widening reads only the ring it adds, in two steps: the ids from an index alone (the R*Tree, or FTS5 for words),
/// then the rows of those ids for the filters and exact coordinates. A ring with more than <see cref="RingBudget"/>
/// ids (a dense city at its edge) is narrowed before any row is read, so no step reads a whole city.
/// </summary>
public static class NearestItems
{
    /// <summary>Without words, the first circle is small: most searches are made where items are dense.</summary>
    private const double FirstRadiusKm = 0.5;

    /// <summary>Words with fewer matches than this, anywhere, are cheap for FTS5 to intersect with a large area.</summary>
    private const int RareMatches = 5000;

    private const double ThinnestRingKm = 0.01;
    private const int RingBudget = 2000;
    private const double MinGrowth = 1.5;
    private const double MaxGrowth = 4;

    public static async Task<List<SearchCandidate>> FindAsync(SearchSession session, int needed)
    {
        ArgumentNullException.ThrowIfNull(session);
        var query = session.Query;
        var area = query.Area ?? throw new ArgumentException("A nearest-first search needs a centre.", nameof(session));
        var after = query.After;
        var known = new Dictionary<long, SearchCandidate>();
        var looked = new HashSet<long>();

        // Every item inside the circle of everything read so far has been looked at. On a later page, items well
        // inside the cursor's distance belong to earlier pages, so they count as read from the start.
        double? fetched = null;
        IReadOnlyList<GeoBox> seen = after is { DistanceKm: > 0 } && new GeoCircle(area.Centre, after.Value.DistanceKm).InnerBox() is { } earlier ? [earlier] : [];
        var readUpTo = seen.Count > 0 ? after!.Value.DistanceKm * 0.7 : 0;

        // Words matched by few items anywhere are looked up in the whole circle at once; otherwise start small.
        var attempt = query.Text is { } text && await IsRareAsync(session, text)
            ? area.RadiusKm
            : Math.Min(area.RadiusKm, ((after?.DistanceKm ?? 0) * 1.25) + FirstRadiusKm);
        while (true)
        {
            var ring = new GeoCircle(area.Centre, attempt).BoundingBoxes();
            var floor = fetched ?? readUpTo;
            var thin = attempt - floor <= ThinnestRingKm;
            var ids = await NewIdsAsync(session, ring, seen, looked, thin ? null : RingBudget);
            if (ids is null)
            {
                attempt = floor + ((attempt - floor) / 4);
                continue;
            }

            looked.UnionWith(ids);
            foreach (var row in await RowsAsync(session, ids))
            {
                known.TryAdd(row.Seq, row);
            }

            fetched = attempt;
            seen = ring;
            var within = known.Values.Where(c => c.DistanceKm <= attempt).ToList();
            var ahead = after is { } cursor ? within.Where(c => SearchPosition.Compare(SearchSort.Distance, c.Position, cursor) > 0).ToList() : within;
            if (ahead.Count >= needed || attempt >= area.RadiusKm)
            {
                ahead.Sort((a, b) => SearchPosition.Compare(SearchSort.Distance, a.Position, b.Position));
                return ahead.Count > needed ? ahead.GetRange(0, needed) : ahead;
            }

            // Aim for a circle that holds the earlier pages and this one, as if items were spread evenly around.
            var growth = within.Count == 0 ? MaxGrowth : Math.Clamp(Math.Sqrt(1.5 * (within.Count - ahead.Count + needed) / within.Count), MinGrowth, MaxGrowth);
            attempt = Math.Min(area.RadiusKm, attempt * growth);
        }
    }

    /// <summary>
    /// The ids in the ring's boxes outside <paramref name="seen"/> (and perhaps a few more) not looked at before; null
    /// when there are more than <paramref name="budget"/> of them (no budget: all of them).
    /// </summary>
    private static async Task<List<long>?> NewIdsAsync(SearchSession session, IReadOnlyList<GeoBox> ring, IReadOnlyList<GeoBox> seen, HashSet<long> looked, int? budget)
    {
        var ids = new List<long>();
        foreach (var sql in RingStatements(session, ring, seen))
        {
            // Rows looked at before may come again, so the limit leaves room for all of them: a statement that
            // fills it has more new ids than the budget, and one that does not has been read to its end.
            long? limit = budget is { } most ? most + 1 + looked.Count : null;
            var rows = await session.ReadIdsAsync(session.Statements.AppendLimit(sql, limit));
            if (limit is { } full && rows.Count >= full)
            {
                return null;
            }

            ids.AddRange(rows.Where(id => !looked.Contains(id)));
            if (ids.Count > budget)
            {
                return null;
            }
        }

        return ids;
    }

    /// <summary>Statements selecting the ids in the ring but not wholly inside <paramref name="seen"/>, without their LIMIT.</summary>
    private static IEnumerable<SqlQuery> RingStatements(SearchSession session, IReadOnlyList<GeoBox> ring, IReadOnlyList<GeoBox> seen)
    {
        if (session.Query.Text is { } text)
        {
            if (session.Statements.RingMatching(session.Query, text, ring, seen) is { } matching)
            {
                yield return matching;
            }

            yield break;
        }

        foreach (var piece in GeoBox.Without(ring, seen))
        {
            yield return session.Statements.InPiece(piece);
        }
    }

    private static async Task<bool> IsRareAsync(SearchSession session, string text)
    {
        return await session.CountAsync(session.Statements.CountMatching(session.Query, text, RareMatches)) < RareMatches;
    }

    /// <summary>The rows of these ids that pass the filters, with their exact coordinates.</summary>
    private static async Task<List<SearchCandidate>> RowsAsync(SearchSession session, List<long> ids)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        return await session.ReadAllAsync(session.Statements.RowsOf(ids).AppendFilters(session.Query));
    }
}
