using EcoBid.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcoBid.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class LanguageTests(WebFixture web)
{
    [Fact]
    public async Task A_polish_browser_gets_polish_pages_and_prices_in_zloty_and_the_footer_switches_to_english()
    {
        var seller = await web.Server.SignUpAsync("Jadwiga");
        var itemId = await People.PostItemAsync(web.Server, seller, "Rower miejski", mode: "auction", category: "sports");
        await People.CallAsync(web.Server, seller, HttpMethod.Post, $"/items/{itemId}/auction", new { startPrice = 1234550, currency = "PLN", durationSeconds = 3600 });

        var page = await web.Browser.NewPageAsync(web.Server, 360, locale: "pl-PL");
        await page.GotoAsync($"/item/{itemId}");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "pl");
        await Expect(page.Locator("[data-field=price]")).ToHaveTextAsync("12 345,50 zł");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Zaloguj się, aby licytować" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("[data-field=price]")).ToHaveTextAsync("PLN 12,345.50");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in to bid" })).ToBeVisibleAsync();
    }
}
