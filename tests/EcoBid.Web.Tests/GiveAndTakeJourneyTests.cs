using System.Text.RegularExpressions;
using EcoBid.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcoBid.Web.Tests;

/// <summary>A giver and a taker, side by side in two browser contexts, through the whole free-item flow.</summary>
[Collection(WebCollection.Name)]
public sealed class GiveAndTakeJourneyTests(WebFixture web)
{
    [Fact]
    public async Task A_giver_posts_a_taker_nearby_finds_and_reserves_it_the_givers_badge_lights_up_live_and_they_confirm_complete_and_rate()
    {
        var (_, giver) = await People.SignedInAsync(web, "Gosia");
        var (_, taker) = await People.SignedInAsync(web, "Tomek", width: 360);
        var title = "Oak bookshelf " + Guid.NewGuid().ToString("N")[..6];

        // The giver posts through the form.
        await giver.GotoAsync("/give");
        await giver.GetByLabel("Title").FillAsync(title);
        await giver.GetByLabel("Description").FillAsync("Five shelves, solid oak.");
        await giver.GetByLabel("Category").SelectOptionAsync("furniture");
        await giver.GetByLabel("City or lat, lon").FillAsync("52.2297, 21.0122");
        await giver.GetByRole(AriaRole.Button, new() { Name = "Post it" }).ClickAsync();
        await Expect(giver.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        var itemId = Regex.Match(giver.Url, "/item/([^/?]+)").Groups[1].Value;
        await People.WaitUntilSearchableAsync(web.Server, itemId, 52.2297, 21.0122);

        // The giver waits on their listings page; the badge has nothing yet.
        await giver.GotoAsync("/my/reservations");
        var badge = giver.Locator("[data-unread]");
        await Expect(badge).ToBeHiddenAsync();
        await Expect(giver.Locator("html[data-live=on]")).ToBeAttachedAsync();

        // The taker, 1 km away, searches by place and finds it with its distance.
        await taker.GotoAsync("/?place=" + Uri.EscapeDataString("52.2387, 21.0122") + "&radiusKm=5&q=" + Uri.EscapeDataString(title));
        var card = taker.Locator($"[data-item-id='{itemId}']");
        await Expect(card).ToContainTextAsync(title);
        await Expect(card.Locator(".distance")).ToHaveTextAsync("1.0 km");
        await card.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await taker.GetByRole(AriaRole.Button, new() { Name = "Reserve" }).ClickAsync();
        await Expect(taker).ToHaveURLAsync(new Regex("/reservations/"));
        await Expect(taker.Locator("[data-countdown]")).ToHaveTextAsync(new Regex("^(23 h|1 d 0 h)"));

        // The giver's inbox badge lights up without a reload.
        await Expect(badge).ToHaveTextAsync("1");
        await giver.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Inbox") }).ClickAsync();
        await Expect(giver.Locator("[data-kind=reservation_created]")).ToBeVisibleAsync();
        await giver.GotoAsync("/my/reservations");
        await giver.Locator(".list a").First.ClickAsync();
        await giver.GetByRole(AriaRole.Button, new() { Name = "Confirm the pickup" }).ClickAsync();
        await Expect(giver.GetByRole(AriaRole.Status)).ToContainTextAsync("The pickup is agreed.");
        await giver.GetByRole(AriaRole.Button, new() { Name = "Mark as picked up" }).ClickAsync();
        await Expect(giver.Locator("[data-status=completed]")).ToBeVisibleAsync();

        // Both rate each other.
        await giver.GetByLabel("Comment").FillAsync("On time, friendly.");
        await giver.GetByRole(AriaRole.Button, new() { Name = "Send rating" }).ClickAsync();
        await Expect(giver.Locator("[data-rated]")).ToBeVisibleAsync();
        await taker.ReloadAsync();
        await Expect(taker.Locator("[data-status=completed]")).ToBeVisibleAsync();
        await taker.GetByLabel("4 of 5").CheckAsync();
        await taker.GetByRole(AriaRole.Button, new() { Name = "Send rating" }).ClickAsync();
        await Expect(taker.Locator("[data-rated]")).ToBeVisibleAsync();

        // Both ratings are in, so they are revealed (by a handler): the giver's profile shows the taker's 4 stars.
        await People.ReloadUntilAsync(giver, "/account", giver.Locator("dl.kv"), "★ 4.0 (1)");
        web.Browser.ForeignRequests.ShouldBeEmpty();
    }
}
