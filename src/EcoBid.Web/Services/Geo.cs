using EcoBid.Web.Services.Models;

namespace EcoBid.Web.Services;

/// <summary>Distance and compass direction between two points, for showing where an item is without a map.</summary>
public static class Geo
{
    private static readonly string[] Compass = ["N", "NE", "E", "SE", "S", "SW", "W", "NW"];

    public static double DistanceKm(Location from, Location to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        const double R = 6371.0088;
        var dLat = Radians(to.Lat - from.Lat);
        var dLon = Radians(to.Lon - from.Lon);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + (Math.Cos(Radians(from.Lat)) * Math.Cos(Radians(to.Lat)) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>The initial great-circle bearing as one of eight compass points (N, NE, …).</summary>
    public static string Direction(Location from, Location to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var y = Math.Sin(Radians(to.Lon - from.Lon)) * Math.Cos(Radians(to.Lat));
        var x = (Math.Cos(Radians(from.Lat)) * Math.Sin(Radians(to.Lat))) - (Math.Sin(Radians(from.Lat)) * Math.Cos(Radians(to.Lat)) * Math.Cos(Radians(to.Lon - from.Lon)));
        var bearing = (Math.Atan2(y, x) * 180 / Math.PI + 360) % 360;
        return Compass[(int)Math.Round(bearing / 45) % 8];
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
