namespace EcoBid.Domain.Geo;

/// <summary>Every point within a great-circle distance of a centre (the area a nearby search looks in).</summary>
public readonly record struct GeoCircle(GeoPoint Centre, double RadiusKm)
{
    /// <summary>
    /// Widens each box by about a centimetre, so that rounding in the trigonometry below can never leave a point that
    /// is inside the circle outside its boxes; a box a little too large only costs a distance check.
    /// </summary>
    private const double MarginDegrees = 1e-7;

    private const double MaxLat = 90;
    private const double MaxLon = 180;

    public bool Contains(GeoPoint point) => Centre.DistanceKmTo(point) <= RadiusKm;

    /// <summary>
    /// One box, or two when the circle crosses the ±180° meridian, that together hold every point of the circle.
    /// Longitude degrees shrink towards the poles, so the box widens with latitude (Matuschek's bounding coordinates);
    /// a circle that reaches a pole holds every longitude near it, so its box spans them all.
    /// </summary>
    public IReadOnlyList<GeoBox> BoundingBoxes()
    {
        var angle = RadiusKm / GeoPoint.EarthRadiusKm;
        var lat = ToRadians(Centre.Lat);
        var minLat = Centre.Lat - ToDegrees(angle) - MarginDegrees;
        var maxLat = Centre.Lat + ToDegrees(angle) + MarginDegrees;
        var reach = Math.Sin(angle) / Math.Cos(lat);
        if (minLat <= -MaxLat || maxLat >= MaxLat || !(reach < 1))
        {
            return [new GeoBox(Math.Max(minLat, -MaxLat), Math.Min(maxLat, MaxLat), -MaxLon, MaxLon)];
        }

        var halfWidth = ToDegrees(Math.Asin(reach)) + MarginDegrees;
        var minLon = Centre.Lon - halfWidth;
        var maxLon = Centre.Lon + halfWidth;
        if (minLon < -MaxLon)
        {
            return [new GeoBox(minLat, maxLat, minLon + 360, MaxLon), new GeoBox(minLat, maxLat, -MaxLon, maxLon)];
        }

        if (maxLon > MaxLon)
        {
            return [new GeoBox(minLat, maxLat, minLon, MaxLon), new GeoBox(minLat, maxLat, -MaxLon, maxLon - 360)];
        }

        return [new GeoBox(minLat, maxLat, minLon, maxLon)];
    }

    /// <summary>
    /// A box wholly inside the circle (a little smaller than the largest one), or null where none is simple to give:
    /// across the ±180° meridian or near a pole. Every point in it is nearer the centre than the radius.
    /// </summary>
    public GeoBox? InnerBox()
    {
        const double Shrink = 0.7; // below 1/√2, the half side of the square inscribed in a flat circle
        var half = ToDegrees(RadiusKm * Shrink / GeoPoint.EarthRadiusKm);
        var nearestToEquator = Math.Max(0, Math.Abs(Centre.Lat) - half);
        if (Math.Abs(Centre.Lat) + half >= 89)
        {
            return null;
        }

        var halfWidth = half / Math.Cos(ToRadians(nearestToEquator));
        var box = new GeoBox(Centre.Lat - half, Centre.Lat + half, Centre.Lon - halfWidth, Centre.Lon + halfWidth);
        if (box.MinLon < -MaxLon || box.MaxLon > MaxLon)
        {
            return null;
        }

        GeoPoint[] edges =
        [
            new(box.MinLat, box.MinLon), new(box.MinLat, box.MaxLon), new(box.MaxLat, box.MinLon), new(box.MaxLat, box.MaxLon),
            new(box.MinLat, Centre.Lon), new(box.MaxLat, Centre.Lon), new(Centre.Lat, box.MinLon), new(Centre.Lat, box.MaxLon),
        ];
        var (centre, radius) = (Centre, RadiusKm);
        return edges.All(p => centre.DistanceKmTo(p) < radius) ? box : null;
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;

    private static double ToDegrees(double radians) => radians * 180 / Math.PI;
}
