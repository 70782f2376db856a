using EcoBid.Domain.Geo;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Search;

/// <summary>Nearest, newest and most relevant first, and pages that walk the whole order exactly once.</summary>
public sealed class SearchOrderTests : IDisposable
{
    private static readonly GeoPoint Centre = new(48.8566, 2.3522);
    private readonly EcoBidApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Nearest_first_is_the_default_with_a_centre_and_newest_first_without()
    {
        var (_, client) = await _app.SignUpAsync();
        var far = (await _app.PostSearchableAsync(client, SearchSteps.ItemAt(Centre.Move(0, 3))))[0];
        var near = (await _app.PostSearchableAsync(client, SearchSteps.ItemAt(Centre.Move(90, 1))))[0];
        var middle = (await _app.PostSearchableAsync(client, SearchSteps.ItemAt(Centre.Move(180, 2))))[0];

        var nearest = await client.SearchAsync(SearchSteps.Near(Centre, 5));
        nearest.Ids().ShouldBe([near, middle, far]);
        nearest.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("distanceKm").GetDouble()).ShouldBe([1, 2, 3], tolerance: 0.0005);

        (await client.SearchAsync($"{SearchSteps.Near(Centre, 5)}&sort=newest")).Ids().ShouldBe([middle, near, far]);
        var everywhere = await client.SearchAsync(string.Empty);
        everywhere.Ids().ShouldBe([middle, near, far]);
        everywhere.GetProperty("items")[0].TryGetProperty("distanceKm", out _).ShouldBeFalse("there is no centre to measure from");
        everywhere.GetProperty("nextCursor").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Relevance_puts_items_with_every_word_in_the_title_first_then_newest_first()
    {
        var (_, client) = await _app.SignUpAsync();
        var ids = await _app.PostSearchableAsync(
            client,
            SearchSteps.ItemAt(Centre, "Kitchen table", description: "Oak top, pine legs."),
            SearchSteps.ItemAt(Centre, "Oak table", description: "Seats six."),
            SearchSteps.ItemAt(Centre, "Garden bench", description: "An oak table would match it."),
            SearchSteps.ItemAt(Centre, "Small oak side table", description: "Like new."),
            SearchSteps.ItemAt(Centre, "Oak shelf", description: "No legs at all."));
        var (kitchen, oakTable, bench, sideTable, _) = (ids[0], ids[1], ids[2], ids[3], ids[4]);

        var found = await client.SearchAsync($"{SearchSteps.Near(Centre, 2)}&q=oak%20table&sort=relevance");

        found.Ids().ShouldBe([sideTable, oakTable, bench, kitchen]);
        (await client.SearchAsync("q=oak%20table&sort=relevance")).Ids().ShouldBe([sideTable, oakTable, bench, kitchen]);
    }

    [Theory]
    [InlineData("sort=distance")]
    [InlineData("sort=newest")]
    [InlineData("sort=distance&q=lamp")]
    [InlineData("sort=newest&q=lamp")]
    [InlineData("sort=relevance&q=brass%20lamp")]
    [InlineData("sort=distance&category=home,books")]
    public async Task Pages_walk_the_whole_order_once_even_while_items_are_added(string order)
    {
        var (_, client) = await _app.SignUpAsync();
        var items = new List<object>();
        for (var i = 0; i < 23; i++)
        {
            // Some share a place, so equal distances must be ordered too; titles differ so relevance has two tiers.
            var place = Centre.Move(i * 47 % 360, 0.2 + (i % 8 * 0.9));
            var title = i % 3 == 0 ? "Brass desk lamp" : "Desk lamp";
            items.Add(SearchSteps.ItemAt(place, title, i % 2 == 0 ? "home" : "books", description: i % 3 == 1 ? "Brass base." : "Works."));
        }

        var original = await _app.PostSearchableAsync(client, [.. items]);
        var expected = (await client.SearchAsync($"{SearchSteps.Near(Centre, 10)}&{order}&limit=100")).Ids();
        expected.Count.ShouldBeGreaterThan(5);

        // Between pages, new items arrive: nearer and farther, newer than all, matching and not.
        var added = new List<string>();
        var pages = await client.AllPagesAsync($"{SearchSteps.Near(Centre, 10)}&{order}&limit=4", async page =>
        {
            if (page <= 3)
            {
                added.AddRange(await _app.PostSearchableAsync(
                    client,
                    SearchSteps.ItemAt(Centre.Move(page * 90, 0.1), "Brass desk lamp", "home"),
                    SearchSteps.ItemAt(Centre.Move(page * 90, 9), "Brass desk lamp", "books")));
            }
        });

        var seen = pages.SelectMany(p => p).ToList();
        seen.ShouldBeUnique();
        pages.Take(pages.Count - 1).ShouldAllBe(p => p.Count == 4);
        seen.Where(original.Contains).ShouldBe(expected, "every item of the first listing, once, in order");
        if (order.Contains("newest", StringComparison.Ordinal) || order.Contains("relevance", StringComparison.Ordinal))
        {
            seen.ShouldNotContain(id => added.Contains(id), "newer items belong before the first page");
        }
    }

    [Fact]
    public async Task Distance_pages_keep_their_order_when_many_items_share_one_place()
    {
        var (_, client) = await _app.SignUpAsync();
        var place = Centre.Move(30, 1.5);
        var ids = await _app.PostSearchableAsync(client, [.. Enumerable.Range(0, 9).Select(_ => SearchSteps.ItemAt(place))]);

        var pages = await client.AllPagesAsync($"{SearchSteps.Near(Centre, 3)}&limit=2");

        pages.Count.ShouldBe(5);
        pages.SelectMany(p => p).ShouldBe(ids, "equal distances are ordered by listing order, oldest first");
    }
}
