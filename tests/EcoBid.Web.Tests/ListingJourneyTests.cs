using System.Text.RegularExpressions;
using EcoBid.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcoBid.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class ListingJourneyTests(WebFixture web)
{
    [Fact]
    public async Task A_giver_edits_and_withdraws_a_listing_and_finds_each_listing_under_its_status()
    {
        var (giver, page) = await People.SignedInAsync(web, "Krystyna");
        var taker = await web.Server.SignUpAsync("Tomasz");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var lamp = await People.PostItemAsync(web.Server, giver, "Desk lamp " + suffix);
        var shelf = await People.PostItemAsync(web.Server, giver, "Book shelf " + suffix);
        await People.CallAsync(web.Server, taker, HttpMethod.Post, $"/items/{shelf}/reserve");

        await page.GotoAsync("/my/items?status=available");
        var lampRow = page.Locator("li.item-row", new() { HasText = "Desk lamp " + suffix });
        await lampRow.GetByRole(AriaRole.Link, new() { Name = "Edit or withdraw" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/item/{lamp}/edit$"));
        await page.GetByLabel("Title").FillAsync("Brass desk lamp " + suffix);
        await page.GetByLabel("Description").FillAsync("Warm light, <script>alert(1)</script> works fine.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/item/{lamp}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Brass desk lamp " + suffix);
        await Expect(page.GetByText("Warm light, <script>alert(1)</script> works fine.")).ToBeVisibleAsync();

        // An empty title is the API's refusal next to the field; nothing changes.
        await page.GotoAsync($"/item/{lamp}/edit");
        await page.GetByLabel("Title").EvaluateAsync("input => input.removeAttribute('required')");
        await page.GetByLabel("Title").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator("[data-field-error=title]")).ToBeVisibleAsync();

        await page.GetByLabel("Yes, withdraw it").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/my/items\\?status=withdrawn$"));
        await Expect(page.Locator("li.item-row", new() { HasText = "Brass desk lamp " + suffix })).ToBeVisibleAsync();
        await Expect(page.Locator("[aria-current=page]")).ToHaveTextAsync("Withdrawn");

        await page.GotoAsync("/my/items?status=reserved");
        await Expect(page.Locator("li.item-row", new() { HasText = "Book shelf " + suffix })).ToBeVisibleAsync();
        await Expect(page.Locator("li.item-row", new() { HasText = "desk lamp " + suffix })).ToHaveCountAsync(0);
        await page.GotoAsync("/my/items?status=available");
        await Expect(page.Locator("li.item-row", new() { HasText = suffix })).ToHaveCountAsync(0);
        await page.GotoAsync("/my/items");
        await Expect(page.Locator("li.item-row", new() { HasText = suffix })).ToHaveCountAsync(2);
        web.Browser.ErrorsOf(page).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_person_joins_and_leaves_the_waitlist_of_a_reserved_item_and_gets_it_when_the_reservation_is_cancelled()
    {
        var giver = await web.Server.SignUpAsync("Wanda");
        var first = await web.Server.SignUpAsync("Piotr");
        var (_, page) = await People.SignedInAsync(web, "Ewa");
        var title = "Garden chairs " + Guid.NewGuid().ToString("N")[..6];
        var item = await People.PostItemAsync(web.Server, giver, title);
        var reservation = await People.CallAsync(web.Server, first, HttpMethod.Post, $"/items/{item}/reserve");

        await page.GotoAsync($"/item/{item}");
        await Expect(page.GetByText("Someone reserved it.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Join the waitlist" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You are on the waitlist.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Leave the waitlist" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You left the waitlist.");

        // Having left, a cancellation does not hand the item over.
        await page.GetByRole(AriaRole.Button, new() { Name = "Join the waitlist" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You are on the waitlist.");

        await People.CallAsync(web.Server, first, HttpMethod.Post, $"/reservations/{reservation.GetProperty("id").GetString()}/cancel", new { reason = "Plans changed." });
        await People.ReloadUntilAsync(page, $"/item/{item}", page.Locator("main"), "You reserved it.");
        await page.GetByRole(AriaRole.Link, new() { Name = "See your reservation" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync(title);
        await page.GotoAsync("/my/reservations");
        await Expect(page.Locator("li[data-reservation-id]", new() { HasText = title })).ToContainTextAsync("you take it");
        web.Browser.ErrorsOf(page).ShouldBeEmpty();
    }
}
