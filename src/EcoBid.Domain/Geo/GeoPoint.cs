namespace EcoBid.Domain.Geo;

/// <summary>A WGS-84 position in decimal degrees.</summary>
public readonly record struct GeoPoint(double Lat, double Lon)
{
    public static bool IsValidLatitude(double lat) => double.IsFinite(lat) && lat is >= -90 and <= 90;

    public static bool IsValidLongitude(double lon) => double.IsFinite(lon) && lon is >= -180 and <= 180;

    /// <summary>Great-circle distance in kilometres (haversine on a 6371.0088 km mean-radius sphere).</summary>
    public double DistanceKmTo(GeoPoint other)
    {
        const double EarthRadiusKm = 6371.0088;
        var dLat = ToRadians(other.Lat - Lat);
        var dLon = ToRadians(other.Lon - Lon);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + (Math.Cos(ToRadians(Lat)) * Math.Cos(ToRadians(other.Lat)) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}
