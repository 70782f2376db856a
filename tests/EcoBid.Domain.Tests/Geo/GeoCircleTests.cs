using EcoBid.Domain.Geo;

namespace EcoBid.Domain.Tests.Geo;

public sealed class GeoCircleTests
{
    [Theory]
    [InlineData(52.2297, 21.0122, 25)]
    [InlineData(-33.8688, 151.2093, 100)]
    [InlineData(-17.7, 179.95, 15)]
    [InlineData(-17.7, -179.95, 15)]
    [InlineData(89.95, 10, 20)]
    [InlineData(-89.99, -120, 5)]
    [InlineData(0, 0, 1)]
    [InlineData(70, 180, 60)]
    public void Every_point_of_the_circle_lies_in_its_boxes(double lat, double lon, double radiusKm)
    {
        var circle = new GeoCircle(new GeoPoint(lat, lon), radiusKm);
        var boxes = circle.BoundingBoxes();

        boxes.ShouldAllBe(b => b.MinLon <= b.MaxLon && b.MinLon >= -180 && b.MaxLon <= 180 && b.MinLat >= -90 && b.MaxLat <= 90);
        for (var bearing = 0.0; bearing < 360; bearing += 2.5)
        {
            foreach (var fraction in new[] { 0.5, 0.999999, 1.0 })
            {
                var point = circle.Centre.Move(bearing, radiusKm * fraction);
                boxes.Any(b => b.Contains(point)).ShouldBeTrue($"bearing {bearing}, {fraction} of the radius: {point}");
            }
        }
    }

    [Fact]
    public void A_circle_across_the_antimeridian_has_a_box_on_each_side()
    {
        var boxes = new GeoCircle(new GeoPoint(-17.7, 179.95), 15).BoundingBoxes();

        boxes.Count.ShouldBe(2);
        boxes.ShouldContain(b => b.MaxLon == 180);
        boxes.ShouldContain(b => b.MinLon == -180);
    }

    [Fact]
    public void A_circle_over_a_pole_spans_every_longitude()
    {
        var boxes = new GeoCircle(new GeoPoint(89.95, 10), 20).BoundingBoxes();

        boxes.ShouldBe([new GeoBox(boxes[0].MinLat, 90, -180, 180)]);
    }

    [Theory]
    [InlineData(52.2297, 21.0122, 3)]
    [InlineData(-36.8485, 174.7633, 17)]
    [InlineData(0, 0, 0.2)]
    public void The_inner_box_lies_wholly_inside_the_circle(double lat, double lon, double radiusKm)
    {
        var circle = new GeoCircle(new GeoPoint(lat, lon), radiusKm);
        var box = circle.InnerBox()!.Value;

        for (var i = 0; i <= 20; i++)
        {
            for (var j = 0; j <= 20; j++)
            {
                var point = new GeoPoint(box.MinLat + ((box.MaxLat - box.MinLat) * i / 20), box.MinLon + ((box.MaxLon - box.MinLon) * j / 20));
                circle.Contains(point).ShouldBeTrue(point.ToString());
            }
        }
    }

    [Fact]
    public void Moving_a_distance_along_a_bearing_lands_that_far_away()
    {
        var start = new GeoPoint(52.2297, 21.0122);
        foreach (var bearing in new[] { 0.0, 33, 90, 180, 271 })
        {
            start.DistanceKmTo(start.Move(bearing, 12.5)).ShouldBe(12.5, tolerance: 1e-9);
        }

        new GeoPoint(0, 179.99).Move(90, 5).Lon.ShouldBeLessThan(0);
    }
}
