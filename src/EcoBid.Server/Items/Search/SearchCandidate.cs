namespace EcoBid.Server.Items.Search;

/// <summary>An item that passed the filters, with what ordering needs: its row id, place and tier.</summary>
public sealed record SearchCandidate(long Seq, double Lat, double Lon, int Tier, double DistanceKm)
{
    public SearchPosition Position => new(Tier, DistanceKm, Seq);
}
