using EcoBid.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcoBid.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class InboxLiveTests(WebFixture web)
{
    [Fact]
    public async Task The_inbox_shows_a_notification_the_moment_it_arrives_over_the_live_channel()
    {
        var (giver, page) = await People.SignedInAsync(web, "Urszula");
        var taker = await web.Server.SignUpAsync("Dariusz");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var chair = await People.PostItemAsync(web.Server, giver, $"Rocking <em>chair</em> {suffix}");
        var table = await People.PostItemAsync(web.Server, giver, $"Kitchen table {suffix}");

        await page.GotoAsync("/inbox");
        await Expect(page.GetByText("Nothing new.")).ToBeVisibleAsync();
        await Expect(page.Locator("html[data-live=on]")).ToHaveCountAsync(1);
        var entries = page.Locator("[data-inbox] > li");

        var first = await People.CallAsync(web.Server, taker, HttpMethod.Post, $"/items/{chair}/reserve");
        await Expect(entries).ToHaveCountAsync(1);
        await Expect(page.GetByText("Nothing new.")).ToHaveCountAsync(0);
        await Expect(entries.First).ToHaveClassAsync("unread");
        await Expect(entries.First).ToContainTextAsync($"Rocking <em>chair</em> {suffix}");
        (await page.Locator("[data-inbox] em").CountAsync()).ShouldBe(0);
        await Expect(entries.First.GetByRole(AriaRole.Link, new() { Name = "Open" }))
            .ToHaveAttributeAsync("href", "/my/reservations/" + first.GetProperty("id").GetString());

        await People.CallAsync(web.Server, taker, HttpMethod.Post, $"/items/{table}/reserve");
        await Expect(entries).ToHaveCountAsync(2);
        await Expect(entries.First).ToContainTextAsync($"Kitchen table {suffix}");

        // What arrived live is what the server renders after a reload: same entries, same order.
        var live = await entries.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.notificationId + '|' + i.innerText)");
        await page.ReloadAsync();
        await Expect(entries).ToHaveCountAsync(2);
        var rendered = await entries.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.notificationId + '|' + i.innerText)");
        rendered.ShouldBe(live);
        web.Browser.ErrorsOf(page).ShouldBeEmpty();
    }

    [Fact]
    public async Task Mark_all_as_read_appears_when_an_unread_notification_arrives_live_and_marks_it_read()
    {
        var (giver, page) = await People.SignedInAsync(web, "Wanda");
        var taker = await web.Server.SignUpAsync("Stefan");
        var lamp = await People.PostItemAsync(web.Server, giver, "Desk lamp " + Guid.NewGuid().ToString("N")[..6]);

        await page.GotoAsync("/inbox");
        await Expect(page.GetByText("Nothing new.")).ToBeVisibleAsync();
        await Expect(page.Locator("html[data-live=on]")).ToHaveCountAsync(1);
        var readAll = page.Locator("form[data-read-all]");
        await Expect(readAll).ToBeHiddenAsync();
        (await readAll.CountAsync()).ShouldBe(1);

        await People.CallAsync(web.Server, taker, HttpMethod.Post, $"/items/{lamp}/reserve");
        var entries = page.Locator("[data-inbox] > li");
        await Expect(entries).ToHaveCountAsync(1);
        await Expect(entries.First).ToHaveClassAsync("unread");
        await Expect(page.Locator("[data-unread]")).ToHaveTextAsync("1");
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Mark all as read" });
        await Expect(button).ToBeVisibleAsync();

        await button.ClickAsync();
        await Expect(page.Locator("[data-inbox] > li.unread")).ToHaveCountAsync(0);
        await Expect(entries).ToHaveCountAsync(1);
        await Expect(readAll).ToBeHiddenAsync();
        await Expect(page.Locator("[data-unread]")).ToBeHiddenAsync();
        (await People.CallAsync(web.Server, giver, HttpMethod.Get, "/notifications/unread-count")).GetProperty("count").GetInt32().ShouldBe(0);

        await page.ReloadAsync();
        await Expect(entries).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-inbox] > li.unread")).ToHaveCountAsync(0);
        await Expect(readAll).ToBeHiddenAsync();
        web.Browser.ErrorsOf(page).ShouldBeEmpty();
    }
}
