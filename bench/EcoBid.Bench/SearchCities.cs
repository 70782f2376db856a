using EcoBid.Domain.Geo;

namespace EcoBid.Bench;

/// <summary>Where the benchmark's items are: a few cities of different sizes and spreads, and some everywhere else.</summary>
internal static class SearchCities
{
    /// <summary>Share of items scattered over the inhabited latitudes rather than near a city.</summary>
    public const double Elsewhere = 0.1;

    public static IReadOnlyList<City> All { get; } =
    [
        new("Warsaw", new GeoPoint(52.2297, 21.0122), 9, 0.18),
        new("Berlin", new GeoPoint(52.5200, 13.4050), 12, 0.17),
        new("Paris", new GeoPoint(48.8566, 2.3522), 14, 0.16),
        new("London", new GeoPoint(51.5074, -0.1278), 16, 0.15),
        new("Madrid", new GeoPoint(40.4168, -3.7038), 8, 0.09),
        new("Prague", new GeoPoint(50.0755, 14.4378), 6, 0.07),
        new("Auckland", new GeoPoint(-36.8485, 174.7633), 10, 0.05),
        new("Tromsø", new GeoPoint(69.6492, 18.9553), 4, 0.03),
    ];

    /// <summary>A city (by weight) with a point scattered around it, or a point anywhere between 60° S and 72° N.</summary>
    public static GeoPoint Place(Random random)
    {
        if (random.NextDouble() < Elsewhere)
        {
            // Uniform over the sphere's surface in that band: sine of latitude uniform.
            var sinLat = Math.Sin(-60 * Math.PI / 180) + (random.NextDouble() * (Math.Sin(72 * Math.PI / 180) - Math.Sin(-60 * Math.PI / 180)));
            return new GeoPoint(Math.Asin(sinLat) * 180 / Math.PI, (random.NextDouble() * 360) - 180);
        }

        return Around(Pick(random), random);
    }

    public static City Pick(Random random)
    {
        var roll = random.NextDouble() * All.Sum(c => c.Weight);
        foreach (var city in All)
        {
            roll -= city.Weight;
            if (roll <= 0)
            {
                return city;
            }
        }

        return All[^1];
    }

    /// <summary>A point around the city centre, each axis normally distributed with the city's spread.</summary>
    public static GeoPoint Around(City city, Random random)
    {
        double east = Gaussian(random) * city.SpreadKm, north = Gaussian(random) * city.SpreadKm;
        return city.Centre.Move(Math.Atan2(east, north) * 180 / Math.PI, Math.Sqrt((east * east) + (north * north)));
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    internal sealed record City(string Name, GeoPoint Centre, double SpreadKm, double Weight);
}
