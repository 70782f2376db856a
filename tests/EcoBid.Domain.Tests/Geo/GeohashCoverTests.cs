using EcoBid.Domain.Geo;

namespace EcoBid.Domain.Tests.Geo;

public sealed class GeohashCoverTests
{
    [Theory]
    [InlineData(52.2297, 21.0122, 1)]
    [InlineData(52.2297, 21.0122, 25)]
    [InlineData(0.001, 0.001, 1)]
    [InlineData(-17.7, 179.95, 15)]
    [InlineData(89.95, 10, 20)]
    public void Every_point_of_the_boxes_has_a_geohash_starting_with_a_cell_of_the_cover(double lat, double lon, double radiusKm)
    {
        var circle = new GeoCircle(new GeoPoint(lat, lon), radiusKm);
        var cover = GeohashCover.Of(circle.BoundingBoxes(), 6, 9);

        cover.Cells.Count.ShouldBeLessThanOrEqualTo(cover.Precision == 1 ? 32 : 9);
        cover.Cells.ShouldAllBe(c => c.Length == cover.Precision);
        foreach (var box in circle.BoundingBoxes())
        {
            for (var i = 0; i <= 12; i++)
            {
                for (var j = 0; j <= 12; j++)
                {
                    var point = new GeoPoint(box.MinLat + ((box.MaxLat - box.MinLat) * i / 12), box.MinLon + ((box.MaxLon - box.MinLon) * j / 12));
                    cover.Cells.ShouldContain(Geohash.Encode(point, cover.Precision), point.ToString());
                }
            }
        }
    }

    [Fact]
    public void A_cell_is_the_box_of_its_geohash()
    {
        var point = new GeoPoint(52.2297, 21.0122);
        var cell = Geohash.Bounds(Geohash.Encode(point, 5));

        cell.Contains(point).ShouldBeTrue();
        (cell.MaxLat - cell.MinLat).ShouldBe(180.0 / 4096);
        (cell.MaxLon - cell.MinLon).ShouldBe(360.0 / 8192);
        Geohash.Encode(new GeoPoint((cell.MinLat + cell.MaxLat) / 2, cell.MinLon), 5).ShouldBe(Geohash.Encode(point, 5));
    }

    [Fact]
    public void A_box_without_a_hole_is_its_edges_around_the_hole()
    {
        var box = new GeoBox(0, 10, 0, 10);
        var pieces = box.Without(new GeoBox(2, 4, 3, 5));

        pieces.Count.ShouldBe(4);
        foreach (var point in new[] { new GeoPoint(1, 1), new GeoPoint(9, 9), new GeoPoint(3, 1), new GeoPoint(3, 9), new GeoPoint(2, 3) })
        {
            pieces.Any(p => p.Contains(point)).ShouldBeTrue(point.ToString());
        }

        pieces.Any(p => p.Contains(new GeoPoint(3, 4))).ShouldBeFalse();
        box.Without(new GeoBox(-1, 11, -1, 11)).ShouldBeEmpty();
        box.Without(new GeoBox(20, 30, 20, 30)).ShouldBe([box]);
    }
}
