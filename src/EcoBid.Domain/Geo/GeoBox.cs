namespace EcoBid.Domain.Geo;

/// <summary>
/// A latitude/longitude rectangle in degrees, edges included. It never crosses the antimeridian
/// (<see cref="MinLon"/> ≤ <see cref="MaxLon"/>); an area that does is described by two boxes.
/// </summary>
public readonly record struct GeoBox(double MinLat, double MaxLat, double MinLon, double MaxLon)
{
    public bool Contains(GeoPoint point) =>
        point.Lat >= MinLat && point.Lat <= MaxLat && point.Lon >= MinLon && point.Lon <= MaxLon;

    public bool Contains(GeoBox other) =>
        other.MinLat >= MinLat && other.MaxLat <= MaxLat && other.MinLon >= MinLon && other.MaxLon <= MaxLon;

    public bool Overlaps(GeoBox other) =>
        other.MaxLat >= MinLat && other.MinLat <= MaxLat && other.MaxLon >= MinLon && other.MinLon <= MaxLon;

    /// <summary>
    /// Up to four boxes that together hold every point of this box outside <paramref name="hole"/>. They share their
    /// edges with the hole, so a point on an edge may fall in both: nothing is ever left out.
    /// </summary>
    public IReadOnlyList<GeoBox> Without(GeoBox hole)
    {
        if (!Overlaps(hole))
        {
            return [this];
        }

        var pieces = new List<GeoBox>(4);
        var minLat = Math.Max(MinLat, hole.MinLat);
        var maxLat = Math.Min(MaxLat, hole.MaxLat);
        if (MinLat < hole.MinLat)
        {
            pieces.Add(this with { MaxLat = hole.MinLat });
        }

        if (MaxLat > hole.MaxLat)
        {
            pieces.Add(this with { MinLat = hole.MaxLat });
        }

        if (MinLon < hole.MinLon)
        {
            pieces.Add(new GeoBox(minLat, maxLat, MinLon, hole.MinLon));
        }

        if (MaxLon > hole.MaxLon)
        {
            pieces.Add(new GeoBox(minLat, maxLat, hole.MaxLon, MaxLon));
        }

        return pieces;
    }

    /// <summary>The parts of <paramref name="boxes"/> outside every one of <paramref name="holes"/>.</summary>
    public static IReadOnlyList<GeoBox> Without(IReadOnlyList<GeoBox> boxes, IReadOnlyList<GeoBox> holes)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        ArgumentNullException.ThrowIfNull(holes);
        IReadOnlyList<GeoBox> pieces = boxes;
        foreach (var hole in holes)
        {
            pieces = [.. pieces.SelectMany(p => p.Without(hole))];
        }

        return pieces;
    }
}
