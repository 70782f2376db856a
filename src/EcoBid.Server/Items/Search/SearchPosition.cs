namespace EcoBid.Server.Items.Search;

/// <summary>
/// Where an item stands in a search's order: its relevance tier, its distance from the centre and its row id (listing
/// order, unique, so it breaks every tie). A cursor is the position of the last item of a page.
/// </summary>
public readonly record struct SearchPosition(int Tier, double DistanceKm, long Seq)
{
    /// <summary>Negative when <paramref name="a"/> comes before <paramref name="b"/> in <paramref name="sort"/>'s order.</summary>
    public static int Compare(SearchSort sort, SearchPosition a, SearchPosition b) => sort switch
    {
        SearchSort.Distance => a.DistanceKm != b.DistanceKm ? a.DistanceKm.CompareTo(b.DistanceKm) : a.Seq.CompareTo(b.Seq),
        SearchSort.Relevance when a.Tier != b.Tier => a.Tier.CompareTo(b.Tier),
        _ => b.Seq.CompareTo(a.Seq),
    };
}
