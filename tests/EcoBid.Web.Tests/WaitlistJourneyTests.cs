using System.Net;
using EcoBid.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcoBid.Web.Tests;

/// <summary>On a reserved item the page offers exactly one of Join and Leave, and a waiter sees their place in line.</summary>
[Collection(WebCollection.Name)]
public sealed class WaitlistJourneyTests(WebFixture web)
{
    [Fact]
    public async Task A_waiter_sees_only_leave_and_their_place_after_joining_and_only_join_after_leaving()
    {
        var giver = await web.Server.SignUpAsync("Halina");
        var holder = await web.Server.SignUpAsync("Jerzy");
        var earlier = await web.Server.SignUpAsync("Kamil");
        var itemId = await People.PostItemAsync(web.Server, giver, "Wicker armchair " + Guid.NewGuid().ToString("N")[..6]);
        await People.CallAsync(web.Server, holder, HttpMethod.Post, $"/items/{itemId}/reserve");
        await People.CallAsync(web.Server, earlier, HttpMethod.Post, $"/items/{itemId}/waitlist");

        var (waiter, page) = await People.SignedInAsync(web, "Lucyna");
        await page.GotoAsync($"/item/{itemId}");
        var join = page.Locator("form").Filter(new() { Has = page.GetByText("Join the waitlist") });
        var leave = page.Locator("form").Filter(new() { Has = page.GetByText("Leave the waitlist") });
        var place = page.Locator("[data-waitlist-place]");
        await Expect(join).ToBeVisibleAsync();
        await Expect(leave).ToBeHiddenAsync();
        await Expect(place).ToHaveCountAsync(0);

        await join.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.Locator("p.notice")).ToHaveTextAsync("You are on the waitlist.");
        await Expect(leave).ToBeVisibleAsync();
        await Expect(join).ToBeHiddenAsync();
        await Expect(place).ToHaveTextAsync("You are number 2 in line for it.");
        (await People.CallAsync(web.Server, waiter, HttpMethod.Get, $"/items/{itemId}/waitlist")).GetProperty("position").GetInt32().ShouldBe(2);

        // What the page shows comes from the server, not from the click: a fresh load says the same.
        await page.ReloadAsync();
        await Expect(leave).ToBeVisibleAsync();
        await Expect(join).ToBeHiddenAsync();
        await Expect(place).ToHaveTextAsync("You are number 2 in line for it.");

        await leave.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.Locator("p.notice")).ToHaveTextAsync("You left the waitlist.");
        await Expect(join).ToBeVisibleAsync();
        await Expect(leave).ToBeHiddenAsync();
        await Expect(place).ToHaveCountAsync(0);
        (await People.StatusOfAsync(web.Server, waiter, HttpMethod.Get, $"/items/{itemId}/waitlist")).ShouldBe(HttpStatusCode.NotFound);
        web.Browser.ErrorsOf(page).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_waiters_place_moves_up_live_when_someone_ahead_leaves_and_the_item_comes_to_them()
    {
        var giver = await web.Server.SignUpAsync("Marta");
        var holder = await web.Server.SignUpAsync("Norbert");
        var ahead = await web.Server.SignUpAsync("Olga");
        var itemId = await People.PostItemAsync(web.Server, giver, "Bookshelf " + Guid.NewGuid().ToString("N")[..6]);
        var reservationId = (await People.CallAsync(web.Server, holder, HttpMethod.Post, $"/items/{itemId}/reserve")).GetProperty("id").GetString()!;
        await People.CallAsync(web.Server, ahead, HttpMethod.Post, $"/items/{itemId}/waitlist");

        var (waiter, page) = await People.SignedInAsync(web, "Patryk");
        await People.CallAsync(web.Server, waiter, HttpMethod.Post, $"/items/{itemId}/waitlist");
        await page.GotoAsync($"/item/{itemId}");
        var place = page.Locator("[data-waitlist-place]");
        await Expect(place).ToHaveTextAsync("You are number 2 in line for it.");
        await Expect(page.Locator("html[data-live=on]")).ToBeAttachedAsync();

        // Someone ahead leaves in another browser: this page says so without a reload.
        await People.CallAsync(web.Server, ahead, HttpMethod.Delete, $"/items/{itemId}/waitlist");
        await Expect(place).ToHaveTextAsync("You are number 1 in line for it.");

        // The holder cancels: the item comes to the first in line, and the page shows the reservation.
        await People.CallAsync(web.Server, holder, HttpMethod.Post, $"/reservations/{reservationId}/cancel", new { reason = "Changed my mind" });
        await Expect(page.GetByText("You reserved it.")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(place).ToHaveCountAsync(0);
        web.Browser.ErrorsOf(page).ShouldBeEmpty();
    }
}
