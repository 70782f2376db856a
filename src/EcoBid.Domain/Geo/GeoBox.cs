namespace EcoBid.Domain.Geo;

/// <summary>
/// A latitude/longitude rectangle in degrees, edges included. It never crosses the antimeridian
/// (<see cref="MinLon"/> ≤ <see cref="MaxLon"/>); an area that does is described by two boxes.
/// </summary>
public readonly record struct GeoBox(double MinLat, double MaxLat, double MinLon, double MaxLon)
{
    private const double KmPerDegreeLatitude = 111.32;

    /// <summary>
    /// One box holding every point within <paramref name="radiusKm"/> of <paramref name="centre"/>, for an R*Tree
    /// lookup that an exact distance check then confirms. Longitudes are clamped at ±180 rather than wrapped, so a
    /// circle crossing the antimeridian misses its far side (saved searches accept that; nearby search does not).
    /// </summary>
    public static GeoBox Around(GeoPoint centre, double radiusKm)
    {
        var dLat = radiusKm / KmPerDegreeLatitude;
        var minLat = Math.Max(-90, centre.Lat - dLat);
        var maxLat = Math.Min(90, centre.Lat + dLat);

        // The widest longitude span is at the latitude nearest a pole; near a pole the box takes every longitude.
        var widest = Math.Max(Math.Abs(minLat), Math.Abs(maxLat));
        var cos = Math.Cos(widest * Math.PI / 180);
        var dLon = cos < 1e-6 ? 180 : radiusKm / (KmPerDegreeLatitude * cos);
        return new GeoBox(minLat, maxLat, Math.Max(-180, centre.Lon - dLon), Math.Min(180, centre.Lon + dLon));
    }

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
