namespace EcoBid.Server.Items.Search;

/// <summary>The orders a search can return items in.</summary>
public enum SearchSort
{
    /// <summary>Nearest first; needs a centre.</summary>
    Distance,

    /// <summary>Most recently listed first.</summary>
    Newest,

    /// <summary>Items whose title holds every searched word first, then the rest; newest first within each; needs q.</summary>
    Relevance,
}
