using EcoBid.Domain.Geo;

namespace EcoBid.Server.Items.Search;

/// <summary>
/// FTS5 match expressions over <c>item_search</c>. User words are always quoted (ItemStore.ToFtsQuery); categories
/// come from the known list. Besides the words, an expression names the categories and cells the items must be filed
/// under, so FTS5 intersects them inside the index and hands over only real candidates. The mode is left to SQL: with
/// a third of items in one mode and two thirds in the other, checking it in FTS5 (which reads each match's column
/// positions to apply a column filter) costs more than the rows it saves.
/// </summary>
public static class SearchMatch
{
    /// <summary>
    /// FTS5 pays for each cell of the OR for every match of the words, so a few coarse cells beat many fine ones,
    /// even though coarse cells bring more items from outside the circle to check.
    /// </summary>
    public const int MaxCoverCells = 9;

    /// <summary>Every word, each in the title or the description.</summary>
    public static string Words(string text) => $"{{title description}} : ({ItemStore.ToFtsQuery(text)})";

    /// <summary>Every word in the title: the first relevance tier.</summary>
    public static string TitleWords(string text) => $"{{title}} : ({ItemStore.ToFtsQuery(text)})";

    /// <summary>Every word somewhere, but not all of them in the title: the second relevance tier.</summary>
    public static string NotAllInTitle(string text) => $"({Words(text)} NOT {TitleWords(text)})";

    /// <summary>The words, and the query's categories.</summary>
    public static string Filtered(string words, ItemSearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.Categories.Count == 0
            ? words
            : $"({words}) AND category : ({string.Join(" OR ", query.Categories.Select(Quote))})";
    }

    /// <summary>Also filed under one of the cells that cover the circle (SearchCells).</summary>
    public static string Near(string match, GeoCircle area) =>
        InCells(match, GeohashCover.Of(area.BoundingBoxes(), SearchCells.FinestPrecision, MaxCoverCells).Cells);

    /// <summary>Also filed under one of these cells.</summary>
    public static string InCells(string match, IEnumerable<string> cells) =>
        $"({match}) AND cells : ({string.Join(" OR ", cells.Select(c => Quote(SearchCells.Token(c))))})";

    private static string Quote(string token) => $"\"{token}\"";
}
