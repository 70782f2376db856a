using System.Net.Http.Json;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Notifications;

public sealed class NearbyAlertsTests : IDisposable
{
    private const double Lat = 52.2297;
    private const double Lon = 21.0122;
    private readonly EcoBidApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_new_item_alerts_each_person_whose_search_it_matches_once_and_never_its_poster()
    {
        var (poster, posterClient) = await _app.SignUpAsync();
        var (near, nearClient) = await _app.SignUpAsync();
        var (_, farClient) = await _app.SignUpAsync();
        var (_, otherCategoryClient) = await _app.SignUpAsync();
        var (_, keywordClient) = await _app.SignUpAsync();
        await SaveAsync(posterClient, Lat, Lon, 5);
        await SaveAsync(nearClient, Lat + 0.01, Lon, 3);                         // about 1.1 km away
        await SaveAsync(nearClient, Lat, Lon + 0.01, 3, keywords: "oak chair");   // a second match: still one alert
        await SaveAsync(farClient, Lat + 0.2, Lon, 10);                           // about 22 km away
        await SaveAsync(otherCategoryClient, Lat, Lon, 5, categories: ["books"]);
        await SaveAsync(keywordClient, Lat, Lon, 5, keywords: "piano");

        await using var live = await LiveClient.ConnectAsync(_app, near.AccessToken);
        var itemId = await posterClient.CreateItemAsync(Requests.Item(lat: Lat, lon: Lon));

        var alert = await live.NextNotificationAsync("nearby_item");
        alert.GetProperty("data").GetProperty("itemId").GetString().ShouldBe(itemId);
        await _app.WaitHandledAsync("NotifyNearbyUsers");
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM notifications WHERE kind = 'nearby_item'")).ShouldBe(1);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM notifications WHERE user_id = @Id", poster)).ShouldBe(0);
        (await farClient.InboxAsync()).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_saved_search_across_the_antimeridian_alerts_for_an_item_on_its_far_side()
    {
        var (_, posterClient) = await _app.SignUpAsync();
        var (watcher, watcherClient) = await _app.SignUpAsync();
        await SaveAsync(watcherClient, -17.0, 179.95, 20);      // Fiji, east of the meridian

        await using var live = await LiveClient.ConnectAsync(_app, watcher.AccessToken);
        var itemId = await posterClient.CreateItemAsync(Requests.Item(lat: -17.0, lon: -179.95)); // about 10.6 km west, across it

        var alert = await live.NextNotificationAsync("nearby_item");
        alert.GetProperty("data").GetProperty("itemId").GetString().ShouldBe(itemId);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM saved_search_boxes")).ShouldBe(2);
    }

    [Fact]
    public async Task A_flagged_item_alerts_nobody()
    {
        var (_, posterClient) = await _app.SignUpAsync();
        var (_, watcherClient) = await _app.SignUpAsync();
        await SaveAsync(watcherClient, Lat, Lon, 5);

        await posterClient.CreateItemAsync(Requests.Item(title: "Replica watch", category: "other"));
        await _app.WaitHandledAsync("NotifyNearbyUsers");
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM notifications")).ShouldBe(0);
    }

    [Fact]
    public async Task Saved_searches_are_their_owners_alone()
    {
        var (_, ann) = await _app.SignUpAsync();
        var (_, bob) = await _app.SignUpAsync();
        var saved = await SaveAsync(ann, Lat, Lon, 2, categories: ["furniture", "books"], keywords: "Oak, chair!");
        saved.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()).ShouldBe(["chair", "oak"]);
        var id = saved.GetProperty("id").GetString();

        (await (await ann.GetAsync("/saved-searches")).ReadJsonAsync()).GetArrayLength().ShouldBe(1);
        (await (await bob.GetAsync("/saved-searches")).ReadJsonAsync()).GetArrayLength().ShouldBe(0);
        await (await bob.GetAsync($"/saved-searches/{id}")).ShouldBeProblemAsync(404);
        await (await bob.DeleteAsync($"/saved-searches/{id}")).ShouldBeProblemAsync(404);
        (await ann.GetAsync($"/saved-searches/{id}")).EnsureSuccessStatusCode();
        (await ann.DeleteAsync($"/saved-searches/{id}")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NoContent);
        await (await ann.GetAsync($"/saved-searches/{id}")).ShouldBeProblemAsync(404);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM saved_search_boxes")).ShouldBe(0);
    }

    [Fact]
    public async Task A_saved_search_with_bad_fields_names_them()
    {
        var (_, ann) = await _app.SignUpAsync();
        var problem = await (await ann.PostAsJsonAsync("/saved-searches", new { location = new { lat = 91, lon = 0 }, radiusKm = 500, categories = new[] { "spaceships" } }))
            .ShouldBeProblemAsync(400);
        problem.ErrorFields().ShouldBe(["location.lat", "radiusKm", "categories"], ignoreOrder: true);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM saved_searches")).ShouldBe(0);
    }

    private static async Task<System.Text.Json.JsonElement> SaveAsync(HttpClient client, double lat, double lon, double radiusKm, string[]? categories = null, string? keywords = null)
    {
        var response = await client.PostAsJsonAsync("/saved-searches", new { location = new { lat, lon }, radiusKm, categories, keywords });
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }
}
