using EcoBid.Domain.Geo;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Search;

/// <summary>The circle is exact: great-circle distances, across the antimeridian, over a pole and across cell borders.</summary>
public sealed class NearbySearchTests : IDisposable
{
    private static readonly GeoPoint Warsaw = new(52.2297, 21.0122);
    private readonly EcoBidApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Items_just_inside_the_radius_are_found_and_those_just_outside_are_not()
    {
        var (_, client) = await _app.SignUpAsync();
        var bearings = new[] { 0.0, 45, 90, 135, 180, 225, 270, 315 };
        var inside = await _app.PostSearchableAsync(client, [.. bearings.Select(b => SearchSteps.ItemAt(Warsaw.Move(b, 4.99)))]);
        await _app.PostSearchableAsync(client, [.. bearings.Select(b => SearchSteps.ItemAt(Warsaw.Move(b, 5.01)))]);

        foreach (var sort in new[] { "distance", "newest" })
        {
            var found = await client.SearchAsync($"{SearchSteps.Near(Warsaw, 5)}&sort={sort}&limit=100");
            found.Ids().ShouldBe(inside, ignoreOrder: true, sort);
        }

        var withWords = await client.SearchAsync($"{SearchSteps.Near(Warsaw, 5)}&q=oak&limit=100");
        withWords.Ids().ShouldBe(inside, ignoreOrder: true);
    }

    [Fact]
    public async Task Distances_are_great_circle_distances_from_the_centre()
    {
        var (_, client) = await _app.SignUpAsync();
        var points = new[] { Warsaw.Move(10, 0.3), Warsaw.Move(200, 2.5), Warsaw.Move(95, 7.75), Warsaw.Move(300, 11.2) };
        await _app.PostSearchableAsync(client, [.. points.Select(p => SearchSteps.ItemAt(p))]);

        var found = await client.SearchAsync(SearchSteps.Near(Warsaw, 20));

        var items = found.GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBe(points.Length);
        foreach (var item in items)
        {
            var location = item.GetProperty("location");
            var expected = Warsaw.DistanceKmTo(new GeoPoint(location.GetProperty("lat").GetDouble(), location.GetProperty("lon").GetDouble()));
            item.GetProperty("distanceKm").GetDouble().ShouldBe(expected, tolerance: 0.0005);
        }

        items.Select(i => i.GetProperty("distanceKm").GetDouble()).ShouldBe([0.3, 2.5, 7.75, 11.2], tolerance: 0.0005);
    }

    [Theory]
    [InlineData(179.9)]
    [InlineData(-179.9)]
    public async Task A_circle_that_crosses_the_antimeridian_finds_items_on_both_sides(double centreLon)
    {
        var (_, client) = await _app.SignUpAsync();
        var centre = new GeoPoint(-17.7, centreLon);
        var across = centre.Move(centreLon > 0 ? 90 : 270, 14.9);
        var beyond = centre.Move(centreLon > 0 ? 90 : 270, 15.1);
        var sameSide = centre.Move(centreLon > 0 ? 270 : 90, 14.9);
        Math.Sign(across.Lon).ShouldBe(-Math.Sign(centreLon), "the item lies across the ±180° meridian");
        var ids = await _app.PostSearchableAsync(client, SearchSteps.ItemAt(across), SearchSteps.ItemAt(beyond), SearchSteps.ItemAt(sameSide));

        foreach (var sort in new[] { "distance", "newest" })
        {
            var found = await client.SearchAsync($"{SearchSteps.Near(centre, 15)}&sort={sort}");
            found.Ids().ShouldBe([ids[0], ids[2]], ignoreOrder: true, sort);
        }

        (await client.SearchAsync($"{SearchSteps.Near(centre, 15)}&q=chair")).Ids().ShouldBe([ids[0], ids[2]], ignoreOrder: true);
    }

    [Theory]
    [InlineData(89.95)]
    [InlineData(-89.95)]
    public async Task A_circle_around_a_pole_spans_every_longitude(double centreLat)
    {
        var (_, client) = await _app.SignUpAsync();
        var centre = new GeoPoint(centreLat, 10);
        var pole = centreLat > 0 ? 0 : 180;

        // Straight over the pole to the far side of the globe (longitude about -170), and along the parallel.
        var overThePole = centre.Move(pole, 19.5);
        var beyond = centre.Move(pole, 20.5);
        var alongside = new GeoPoint(centreLat, 100);
        Math.Abs(overThePole.Lon - centre.Lon).ShouldBeGreaterThan(90);
        var ids = await _app.PostSearchableAsync(client, SearchSteps.ItemAt(overThePole), SearchSteps.ItemAt(beyond), SearchSteps.ItemAt(alongside));
        centre.DistanceKmTo(alongside).ShouldBeLessThan(20);

        var found = await client.SearchAsync(SearchSteps.Near(centre, 20));

        found.Ids().ShouldBe([ids[0], ids[2]], ignoreOrder: true);
        (await client.SearchAsync($"{SearchSteps.Near(centre, 20)}&q=chair&sort=newest")).Ids().ShouldBe([ids[2], ids[0]]);
    }

    [Fact]
    public async Task Items_across_geohash_cell_borders_are_found()
    {
        // At 0°, 0° four top-level geohash cells meet ('7', 'k', 'e', 's'): no two of these items share even the first
        // character of their geohash, yet all lie within 500 m of the centre. A search by the centre's geohash prefix
        // would find one of them.
        var (_, client) = await _app.SignUpAsync();
        var centre = new GeoPoint(0.001, 0.001);
        var points = new[] { new GeoPoint(0.002, 0.002), new GeoPoint(-0.002, 0.002), new GeoPoint(-0.002, -0.002), new GeoPoint(0.002, -0.002) };
        points.Select(p => Geohash.Encode(p, 1)).Distinct().Count().ShouldBe(4);
        var ids = await _app.PostSearchableAsync(client, [.. points.Select(p => SearchSteps.ItemAt(p))]);

        foreach (var query in new[] { "sort=distance", "sort=newest", "q=oak", "q=oak&sort=newest", "q=oak&sort=relevance" })
        {
            (await client.SearchAsync($"{SearchSteps.Near(centre, 1)}&{query}")).Ids().ShouldBe(ids, ignoreOrder: true, query);
        }
    }

    [Fact]
    public async Task Items_just_across_a_fine_cell_border_are_found_with_and_without_words()
    {
        // A border between two 5-character geohash cells, just south of the centre.
        var (_, client) = await _app.SignUpAsync();
        var cell = Geohash.Bounds(Geohash.Encode(Warsaw, 5));
        var centre = new GeoPoint(cell.MinLat + 0.0005, Warsaw.Lon);
        var across = new GeoPoint(cell.MinLat - 0.002, Warsaw.Lon);
        Geohash.Encode(across, 5).ShouldNotBe(Geohash.Encode(centre, 5));
        var id = (await _app.PostSearchableAsync(client, SearchSteps.ItemAt(across)))[0];

        foreach (var query in new[] { "sort=distance", "sort=newest", "q=chair", "q=chair&sort=newest", "q=chair&sort=relevance" })
        {
            (await client.SearchAsync($"{SearchSteps.Near(centre, 1)}&{query}")).Ids().ShouldBe([id], query);
        }
    }
}
