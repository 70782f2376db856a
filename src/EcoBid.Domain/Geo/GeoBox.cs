namespace EcoBid.Domain.Geo;

/// <summary>
/// A latitude/longitude rectangle that contains every point within a radius of a centre: what an R*Tree indexes, so
/// a lookup returns candidates that an exact distance check then confirms. Longitudes are clamped at ±180 rather than
/// wrapped, so a circle crossing the antimeridian misses the far side (no EcoBid neighbourhood does).
/// </summary>
public readonly record struct GeoBox(double MinLat, double MaxLat, double MinLon, double MaxLon)
{
    private const double KmPerDegreeLatitude = 111.32;

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

    public bool Contains(GeoPoint point) => point.Lat >= MinLat && point.Lat <= MaxLat && point.Lon >= MinLon && point.Lon <= MaxLon;
}
