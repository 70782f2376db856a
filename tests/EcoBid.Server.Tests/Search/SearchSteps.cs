using System.Globalization;
using System.Text.Json;
using EcoBid.Domain.Geo;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Search;

/// <summary>Posting items and waiting until search can see them; reading search pages.</summary>
internal static class SearchSteps
{
    /// <summary>Posts the items, then waits until each is indexed and moderated (what search shows depends on both).</summary>
    public static async Task<List<string>> PostSearchableAsync(this EcoBidApp app, HttpClient client, params object[] items)
    {
        var ids = new List<string>();
        foreach (var item in items)
        {
            ids.Add(await client.CreateItemAsync(item));
        }

        foreach (var id in ids)
        {
            var eventId = await app.Database.ItemCreatedEventIdAsync(id);
            await app.WaitForHandledAsync(eventId, "Index");
            await app.WaitForHandledAsync(eventId, "Moderate");
        }

        return ids;
    }

    public static object ItemAt(GeoPoint point, string title = "Oak dining chair", string category = "furniture", string mode = "free", string description = "Solid oak, a little worn.") =>
        Requests.Item(title: title, category: category, mode: mode, lat: point.Lat, lon: point.Lon, description: description);

    /// <summary>GET /items with the query string; the response must be 200.</summary>
    public static async Task<JsonElement> SearchAsync(this HttpClient client, string query)
    {
        var response = await client.GetAsync("/items?" + query);
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(200, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Every page of a search, following nextCursor; <paramref name="between"/> runs after each page.</summary>
    public static async Task<List<List<string>>> AllPagesAsync(this HttpClient client, string query, Func<int, Task>? between = null)
    {
        var pages = new List<List<string>>();
        string? cursor = null;
        do
        {
            var page = await client.SearchAsync(cursor is null ? query : $"{query}&cursor={Uri.EscapeDataString(cursor)}");
            pages.Add(page.Ids());
            cursor = page.GetProperty("nextCursor").GetString();
            if (between is not null)
            {
                await between(pages.Count);
            }
        }
        while (cursor is not null && pages.Count < 100);

        return pages;
    }

    public static List<string> Ids(this JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];

    public static string Near(GeoPoint centre, double radiusKm) =>
        string.Create(CultureInfo.InvariantCulture, $"lat={centre.Lat:R}&lon={centre.Lon:R}&radiusKm={radiusKm:R}");
}
