using System.Data.Common;
using EcoBid.Domain.Geo;
using EcoBid.Server.Storage;

namespace EcoBid.Server.Items.Search;

/// <summary>
/// The statements a search reads its candidates with, one implementation per database: the orders and the widening
/// circles (<see cref="LatestItems"/>, <see cref="NearestItems"/>) are the same on both; only the indexes differ
/// (FTS5 and an R*Tree on SQLite; <c>tsvector</c> + GIN and a GiST index on a point on PostgreSQL). Items are aliased
/// <c>i</c>. Every statement selecting candidates yields <c>seq, lat, lon</c>; id statements yield <c>seq</c>.
/// </summary>
public abstract class SearchStatements
{
    public static SearchStatements For(DbConnection connection) =>
        SqlDialects.Of(connection) == SqlDialect.Postgres ? PostgresSearchStatements.Instance : SqliteSearchStatements.Instance;

    /// <summary>Items matching the words (for the tier), newest first, before <paramref name="before"/> when set.</summary>
    public abstract SqlQuery Matching(ItemSearchQuery query, string text, int tier, long? before);

    /// <summary>How many points lie in the box, counting no further than <paramref name="limit"/>.</summary>
    public abstract SqlQuery CountInBox(GeoBox box, long limit);

    /// <summary>The candidates in a box, for a union (no ORDER BY).</summary>
    public abstract SqlQuery AppendInBox(SqlQuery sql, GeoBox box);

    /// <summary>Listing order from the newest-first index, <c>WHERE 1 = 1</c> open for filters.</summary>
    public abstract string ListedFrom(ItemSearchQuery query);

    /// <summary>Ids of items matching the words inside the ring but not wholly inside <paramref name="seen"/>; none when nothing is left.</summary>
    public abstract SqlQuery? RingMatching(ItemSearchQuery query, string text, IReadOnlyList<GeoBox> ring, IReadOnlyList<GeoBox> seen);

    /// <summary>Ids of the items in one piece of a ring.</summary>
    public abstract SqlQuery InPiece(GeoBox piece);

    /// <summary>How many items match the words anywhere, counting no further than <paramref name="limit"/>.</summary>
    public abstract SqlQuery CountMatching(ItemSearchQuery query, string text, int limit);

    /// <summary>The rows of these ids, <c>WHERE</c> open for filters.</summary>
    public abstract SqlQuery RowsOf(IReadOnlyCollection<long> ids);

    /// <summary>Appends a LIMIT; null for none.</summary>
    public abstract SqlQuery AppendLimit(SqlQuery sql, long? limit);
}
