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

    /// <summary>
    /// Appended to each cell in the index: the index stems English words (lamps finds lamp), and the stemmer would cut
    /// cells too (u3qes and u3qe both become u3q). It leaves a token that ends in a digit alone, and "a" never occurs in
    /// a geohash, so a marked cell cannot equal another cell.
    /// </summary>
    public const string Marker = "a0";

    /// <summary>The cell as the index holds it.</summary>
    public static string Token(string cell) => cell + Marker;

    /// <summary>The SQL expression of the cells text for a geohash column, e.g. <c>ua0 u3a0 u3qa0 … u3qcnha0</c>.</summary>
    public static string FromGeohashSql(string column) =>
        string.Join(" || ' ' || ", Enumerable.Range(1, FinestPrecision).Select(p => $"substr({column}, 1, {p}) || '{Marker}'"));
}
