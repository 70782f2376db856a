using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EcoBid.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace EcoBid.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class InfiniteScrollTests(WebFixture web)
{
    private const double Lat = 54.3520;
    private const double Lon = 18.6466;

    [Fact]
    public async Task Scrolling_to_the_end_of_the_results_appends_the_next_pages_without_repeating_a_card()
    {
        // More than two of the API's pages (20 each), all matching one unusual word, so the results are only these.
        const int count = 45;
        var word = "zq" + Guid.NewGuid().ToString("N")[..8];
        var giver = await web.Server.SignUpAsync("Leszek");
        var token = await web.Server.AccessTokenAsync(giver);
        var posted = new List<string>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/items")
            {
                Content = JsonContent.Create(new { title = $"Flower pot {word} number {i}", description = "Terracotta, a little chipped.", category = "garden", mode = "free", location = new { lat = Lat + (i * 0.0001), lon = Lon } }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await web.Server.Api.SendAsync(request);
            response.EnsureSuccessStatusCode();
            posted.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }

        foreach (var id in posted)
        {
            await People.WaitUntilSearchableAsync(web.Server, id, Lat, Lon);
        }

        var page = await web.Browser.NewPageAsync(web.Server);
        await page.GotoAsync($"/?q={word}&lat={Lat}&lon={Lon}&radiusKm=5");
        var cards = page.Locator("[data-results] > li[data-item-id]");
        await Expect(cards).ToHaveCountAsync(20);

        for (var shown = 20; shown < count; shown = await cards.CountAsync())
        {
            await page.Locator("[data-results] > li").Last.ScrollIntoViewIfNeededAsync();
            await page.Mouse.WheelAsync(0, 5000);
            await Expect(cards).Not.ToHaveCountAsync(shown);
        }

        var ids = await cards.EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.itemId)");
        ids.Length.ShouldBe(count);
        ids.ShouldBeUnique();
        ids.ShouldBe(posted, ignoreOrder: true);
        // The last page leaves no link to a further one, and the results are not marked busy.
        await Expect(page.Locator("[data-next]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-results]")).Not.ToHaveAttributeAsync("aria-busy", "true");
        web.Browser.ErrorsOf(page).ShouldBeEmpty();
    }
}
