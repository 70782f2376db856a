using System.Text.RegularExpressions;
using EcoBid.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcoBid.Web.Tests;

/// <summary>Three bidders in three browser contexts on one auction, each seeing the others' bids live.</summary>
[Collection(WebCollection.Name)]
public sealed class AuctionJourneyTests(WebFixture web)
{
    [Fact]
    public async Task Three_bidders_see_each_others_prices_live_and_after_the_close_the_winner_sees_the_pickup()
    {
        // Everyone signs in before the clock starts: on a slow machine three sign-ins can outlast a short auction.
        var seller = await web.Server.SignUpAsync("Sprzedawca");
        var (_, anna) = await People.SignedInAsync(web, "Anna");
        var (_, bartek) = await People.SignedInAsync(web, "Bartek", width: 360);
        var (_, celina) = await People.SignedInAsync(web, "Celina");
        var itemId = await People.PostItemAsync(web.Server, seller, "Road bike " + Guid.NewGuid().ToString("N")[..6], mode: "auction", category: "sports");
        await People.CallAsync(web.Server, seller, HttpMethod.Post, $"/items/{itemId}/auction", new
        {
            startPrice = 1000, currency = "PLN", durationSeconds = 40, softClose = new { windowSeconds = 0 },
        });

        IPage[] bidders = [anna, bartek, celina];
        foreach (var page in bidders)
        {
            await page.GotoAsync($"/item/{itemId}");
            await Expect(page.Locator("[data-field=price]")).ToHaveTextAsync("PLN 10.00");
            await Expect(page.Locator("html[data-live=on]")).ToBeAttachedAsync();
        }

        await BidAsync(anna, "20");
        await Expect(anna.Locator("[data-field=leader]")).ToHaveTextAsync("You are the highest bidder.");
        // Anna alone: the price stays at the start; the others' pages show her bid without a reload.
        await Expect(bartek.Locator("[data-field=bids]")).ToHaveTextAsync("1");
        await Expect(celina.Locator("[data-field=bids]")).ToHaveTextAsync("1");

        await BidAsync(bartek, "15");
        // Bartek's maximum is below Anna's: the price rises to his maximum plus a step, and everyone sees it.
        var price = await bartek.Locator("[data-field=price]").InnerTextAsync();
        price.ShouldNotBe("PLN 10.00");
        await Expect(anna.Locator("[data-field=price]")).ToHaveTextAsync(price);
        await Expect(celina.Locator("[data-field=price]")).ToHaveTextAsync(price);
        await Expect(bartek.Locator("[data-field=leader]")).ToHaveTextAsync("You have been outbid.");

        await BidAsync(celina, "50");
        await Expect(celina.Locator("[data-field=leader]")).ToHaveTextAsync("You are the highest bidder.");
        await Expect(anna.Locator("[data-field=leader]")).ToHaveTextAsync("You have been outbid.");
        var afterCelina = await celina.Locator("[data-field=price]").InnerTextAsync();
        await Expect(anna.Locator("[data-field=price]")).ToHaveTextAsync(afterCelina);
        await Expect(bartek.Locator("[data-field=price]")).ToHaveTextAsync(afterCelina);
        await Expect(bartek.Locator("[data-field=bids]")).ToHaveTextAsync("3");

        // The close: the winner's page shows the result and the pickup, without anyone reloading.
        await Expect(celina.Locator("[data-result]")).ToContainTextAsync("You won!", new() { Timeout = 90_000 });
        await Expect(anna.Locator("[data-result]")).ToContainTextAsync("Sold for", new() { Timeout = 15_000 });
        await celina.GetByRole(AriaRole.Link, new() { Name = "Arrange the pickup" }).ClickAsync();
        await Expect(celina).ToHaveURLAsync(new Regex("/reservations/"));
        await Expect(celina.GetByText("You take it.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_owner_starts_an_auction_with_the_form_and_a_wrong_price_is_shown_next_to_its_field()
    {
        var (email, page) = await People.SignedInAsync(web, "Olek");
        var itemId = await People.PostItemAsync(web.Server, email, "Lamp " + Guid.NewGuid().ToString("N")[..6], mode: "auction", category: "home");
        await page.GotoAsync($"/item/{itemId}/auction");
        await page.GetByLabel("Starting price").FillAsync("20");
        await page.GetByLabel("Buy-now price (optional)").FillAsync("21");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the auction" }).ClickAsync();
        await Expect(page.Locator("[data-field-error=buyNowPrice]")).ToBeVisibleAsync();

        await page.GetByLabel("Buy-now price (optional)").FillAsync("40");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the auction" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/item/{itemId}$"));
        await Expect(page.Locator("[data-field=price]")).ToHaveTextAsync("PLN 20.00");
        await Expect(page.Locator("form.bid-form")).ToBeHiddenAsync();
    }

    private static async Task BidAsync(IPage page, string amount)
    {
        await page.GetByLabel(new Regex("^Your maximum")).FillAsync(amount);
        await page.GetByRole(AriaRole.Button, new() { Name = "Place bid" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your bid");
    }
}
