namespace EcoBid.Domain.Geo;

/// <summary>A WGS-84 position in decimal degrees.</summary>
public readonly record struct GeoPoint(double Lat, double Lon)
{
    /// <summary>The mean Earth radius every distance in EcoBid is measured on.</summary>
    public const double EarthRadiusKm = 6371.0088;

    public static bool IsValidLatitude(double lat) => double.IsFinite(lat) && lat is >= -90 and <= 90;

    public static bool IsValidLongitude(double lon) => double.IsFinite(lon) && lon is >= -180 and <= 180;

    /// <summary>Great-circle distance in kilometres (haversine on a 6371.0088 km mean-radius sphere).</summary>
    public double DistanceKmTo(GeoPoint other)
    {
        var dLat = ToRadians(other.Lat - Lat);
        var dLon = ToRadians(other.Lon - Lon);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + (Math.Cos(ToRadians(Lat)) * Math.Cos(ToRadians(other.Lat)) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>
    /// The point <paramref name="distanceKm"/> away along the great circle that leaves this point at
    /// <paramref name="bearingDegrees"/> (0 north, 90 east); longitude wraps across the ±180° meridian.
    /// </summary>
    public GeoPoint Move(double bearingDegrees, double distanceKm)
    {
        var angle = distanceKm / EarthRadiusKm;
        var bearing = ToRadians(bearingDegrees);
        var lat = ToRadians(Lat);
        var toLat = Math.Asin((Math.Sin(lat) * Math.Cos(angle)) + (Math.Cos(lat) * Math.Sin(angle) * Math.Cos(bearing)));
        var toLon = ToRadians(Lon) + Math.Atan2(Math.Sin(bearing) * Math.Sin(angle) * Math.Cos(lat), Math.Cos(angle) - (Math.Sin(lat) * Math.Sin(toLat)));
        var lon = ((ToDegrees(toLon) + 540) % 360) - 180;
        return new GeoPoint(Math.Clamp(ToDegrees(toLat), -90, 90), lon);
    }

    private static double ToDegrees(double radians) => radians * 180 / Math.PI;

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}
