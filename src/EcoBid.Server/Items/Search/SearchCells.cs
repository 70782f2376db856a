namespace EcoBid.Server.Items.Search;

/// <summary>
/// The geohash cells an item is filed under in <c>item_search</c>'s <c>cells</c> column: the prefixes of its geohash,
/// 1 to <see cref="FinestPrecision"/> characters long. A text search near a place adds "and in one of these cells",
/// so FTS5 intersects the words with the area inside the index instead of handing every match over for a distance
/// check; the exact distance is still computed for each candidate.
/// </summary>
public static class SearchCells
{
    /// <summary>Six characters is about 1.2 × 0.6 km: fine enough for the smallest search rings.</summary>
    public const int FinestPrecision = 6;

    /// <summary>The SQL expression of the cells text for a geohash column, e.g. <c>u u3 u3q u3qc u3qcn u3qcnh</c>.</summary>
    public static string FromGeohashSql(string column) =>
        string.Join(" || ' ' || ", Enumerable.Range(1, FinestPrecision).Select(p => $"substr({column}, 1, {p})"));
}
