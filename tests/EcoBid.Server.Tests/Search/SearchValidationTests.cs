using EcoBid.Domain.Geo;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Search;

/// <summary>Every bad parameter is a 400 problem naming it; cursors are only valid for the search they came from.</summary>
public sealed class SearchValidationTests : IDisposable
{
    private static readonly GeoPoint Centre = new(52.52, 13.405);
    private readonly EcoBidApp _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("lat=91&lon=0", "lat")]
    [InlineData("lat=-90.5&lon=0", "lat")]
    [InlineData("lat=abc&lon=0", "lat")]
    [InlineData("lat=NaN&lon=0", "lat")]
    [InlineData("lat=1,5&lon=0", "lat")]
    [InlineData("lat=0&lon=180.01", "lon")]
    [InlineData("lat=0&lon=-181", "lon")]
    [InlineData("lat=0&lon=Infinity", "lon")]
    [InlineData("lat=52.5", "lon")]
    [InlineData("lon=13.4", "lat")]
    [InlineData("lat=52.5&lon=13.4&radiusKm=0", "radiusKm")]
    [InlineData("lat=52.5&lon=13.4&radiusKm=-3", "radiusKm")]
    [InlineData("lat=52.5&lon=13.4&radiusKm=100.1", "radiusKm")]
    [InlineData("lat=52.5&lon=13.4&radiusKm=ten", "radiusKm")]
    [InlineData("radiusKm=5", "radiusKm")]
    [InlineData("category=cars", "category")]
    [InlineData("category=books,", "category")]
    [InlineData("category=books,cars", "category")]
    [InlineData("category=", "category")]
    [InlineData("mode=swap", "mode")]
    [InlineData("mode=FREE", "mode")]
    [InlineData("status=sold", "status")]
    [InlineData("sort=cheapest", "sort")]
    [InlineData("sort=distance", "sort")]
    [InlineData("sort=relevance", "sort")]
    [InlineData("lat=52.5&lon=13.4&sort=relevance", "sort")]
    [InlineData("q=", "q")]
    [InlineData("q=%20%20", "q")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("limit=2.5", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("cursor=", "cursor")]
    public async Task A_bad_parameter_is_a_400_problem_naming_it(string query, string parameter)
    {
        var response = await _app.CreateClient().GetAsync("/items?" + query);

        var problem = await response.ShouldBeProblemAsync(400);
        problem.ErrorFields().ShouldBe([parameter], query);
    }

    [Theory]
    [InlineData("%00")]
    [InlineData("oak%00table")]
    [InlineData("oak%01")]
    [InlineData("%1B%5B31m")]
    [InlineData("oak%7F")]
    [InlineData("oak%C2%9F")]
    public async Task Search_text_with_a_NUL_or_another_control_character_is_a_400_naming_q_not_a_500(string q)
    {
        var response = await _app.CreateClient().GetAsync("/items?q=" + q);

        var problem = await response.ShouldBeProblemAsync(400);
        problem.ErrorFields().ShouldBe(["q"], q);
    }

    [Theory]
    [InlineData("oak%09table")]
    [InlineData("oak%0Atable")]
    [InlineData("oak%0D%0Atable")]
    public async Task Tabs_and_line_breaks_in_search_text_separate_words(string q)
    {
        var (_, seller) = await _app.SignUpAsync();
        var ids = await _app.PostSearchableAsync(seller, SearchSteps.ItemAt(Centre, title: "Oak table"), SearchSteps.ItemAt(Centre, title: "Oak chair"));

        var found = await _app.CreateClient().SearchAsync("q=" + q);

        found.Ids().ShouldBe([ids[0]]);
    }

    [Fact]
    public async Task Search_text_over_200_characters_is_a_400_problem_naming_q()
    {
        var response = await _app.CreateClient().GetAsync("/items?q=" + new string('a', 201));

        (await response.ShouldBeProblemAsync(400)).ErrorFields().ShouldBe(["q"]);
        (await _app.CreateClient().SearchAsync("q=" + new string('a', 200))).Ids().ShouldBeEmpty();
    }

    [Fact]
    public async Task Several_bad_parameters_are_all_named()
    {
        var response = await _app.CreateClient().GetAsync("/items?lat=100&lon=0&mode=swap&limit=0");

        (await response.ShouldBeProblemAsync(400)).ErrorFields().ShouldBe(["lat", "mode", "limit"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_tampered_cursor_or_one_from_another_search_is_a_400_naming_cursor()
    {
        var (_, client) = await _app.SignUpAsync();
        await _app.PostSearchableAsync(client, [.. Enumerable.Range(1, 3).Select(i => SearchSteps.ItemAt(Centre.Move(i * 100, i)))]);
        var search = $"{SearchSteps.Near(Centre, 10)}&limit=1";
        var cursor = (await client.SearchAsync(search)).GetProperty("nextCursor").GetString()!;
        (await client.SearchAsync($"{search}&cursor={cursor}")).Ids().Count.ShouldBe(1);

        var tampered = new List<string>();
        for (var i = 0; i < cursor.Length; i++)
        {
            tampered.Add(cursor[..i] + (cursor[i] == 'A' ? 'B' : 'A') + cursor[(i + 1)..]);
        }

        tampered.Add(cursor + "A");
        tampered.Add(cursor[..^1]);
        foreach (var bad in tampered)
        {
            var response = await client.GetAsync($"/items?{search}&cursor={Uri.EscapeDataString(bad)}");
            (await response.ShouldBeProblemAsync(400)).ErrorFields().ShouldBe(["cursor"], bad);
        }

        foreach (var other in new[] { $"{SearchSteps.Near(Centre, 11)}&limit=1", $"{search}&sort=newest", $"{search}&category=furniture", $"{search}&q=oak", $"{search}&status=reserved" })
        {
            var response = await client.GetAsync($"/items?{other}&cursor={cursor}");
            (await response.ShouldBeProblemAsync(400)).ErrorFields().ShouldBe(["cursor"], other);
        }

        // The page size is not part of the search: a cursor serves any limit.
        (await client.SearchAsync($"{SearchSteps.Near(Centre, 10)}&limit=5&cursor={cursor}")).Ids().Count.ShouldBe(2);
    }
}
