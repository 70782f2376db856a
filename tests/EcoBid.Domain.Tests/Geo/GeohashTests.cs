using EcoBid.Domain.Geo;

namespace EcoBid.Domain.Tests.Geo;

public sealed class GeohashTests
{
    [Theory]
    [InlineData(57.64911, 10.40744, 11, "u4pruydqqvj")]
    [InlineData(52.2297, 21.0122, 9, "u3qcnhhs5")]
    [InlineData(-33.8688, 151.2093, 9, "r3gx2f77b")]
    [InlineData(0, 0, 5, "s0000")]
    [InlineData(-90, -180, 5, "00000")]
    [InlineData(90, 180, 5, "zzzzz")]
    public void Encodes_like_the_reference(double lat, double lon, int precision, string expected) =>
        Geohash.Encode(new GeoPoint(lat, lon), precision).ShouldBe(expected);

    [Fact]
    public void Distance_warsaw_to_krakow_is_about_252_km() =>
        new GeoPoint(52.2297, 21.0122).DistanceKmTo(new GeoPoint(50.0647, 19.9450)).ShouldBe(252, tolerance: 2);

    [Theory]
    [InlineData(90.0001, false)]
    [InlineData(-90, true)]
    [InlineData(double.NaN, false)]
    [InlineData(double.PositiveInfinity, false)]
    public void Latitudes_are_checked(double lat, bool valid) => GeoPoint.IsValidLatitude(lat).ShouldBe(valid);
}
