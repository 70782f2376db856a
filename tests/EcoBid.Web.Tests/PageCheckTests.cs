using Deque.AxeCore.Playwright;
using EcoBid.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcoBid.Web.Tests;

/// <summary>
/// Every main page, at a phone's 360 px and a desktop's 1280 px: axe-core finds no serious or critical violation,
/// nothing overflows sideways, and a screenshot is saved for a person to look at (artifacts/screenshots).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class PageCheckTests(WebFixture web)
{
    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task Every_main_page_passes_axe_fits_the_width_and_is_screenshotted(int width)
    {
        var giver = await web.Server.SignUpAsync("Giver " + width);
        var free = await People.PostItemAsync(web.Server, giver, "Pine wardrobe", category: "furniture");
        var auctioned = await People.PostItemAsync(web.Server, giver, "Vinyl records, 40 of them", mode: "auction", category: "other");
        await People.CallAsync(web.Server, giver, HttpMethod.Post, $"/items/{auctioned}/auction", new { startPrice = 2500, buyNowPrice = 9900, currency = "PLN", durationSeconds = 86400 });
        await People.SetHomeAsync(web.Server, giver, 52.2297, 21.0122);

        var admin = await web.Server.SignUpAsync("Admin " + width);
        await web.Server.MakeAdminAsync(admin);
        var page = await web.Browser.NewPageAsync(web.Server, width);
        await People.SignInAsync(page, admin);
        await People.SetHomeAsync(web.Server, admin, 52.2397, 21.0222);
        await page.GotoAsync($"/item/{free}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reserve" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/reservations/"));
        var reservation = page.Url;
        await page.GotoAsync($"/item/{auctioned}");
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^Your maximum")).FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Place bid" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your bid");
        await page.GetByRole(AriaRole.Button, new() { Name = "Message the giver" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/messages/"));
        await page.WaitForFunctionAsync("() => !!window.Blazor");
        await page.GetByLabel("Your message").FillAsync("Could I pick them up on Saturday?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(page.Locator(".message.mine[data-status=saved]")).ToBeVisibleAsync();
        var conversation = page.Url;

        (string Name, string Path)[] pages =
        [
            ("browse", "/"), ("item-free", $"/item/{free}"), ("item-auction", $"/item/{auctioned}"), ("give", "/give"),
            ("start-auction", $"/item/{auctioned}/auction"), ("my-items", "/my/items"), ("reservations", "/my/reservations"),
            ("reservation", new Uri(reservation).PathAndQuery), ("bids", "/my/bids"), ("messages", "/messages"),
            ("conversation", new Uri(conversation).PathAndQuery), ("inbox", "/inbox"), ("saved-searches", "/my/searches"),
            ("account", "/account"), ("security", "/account/security"), ("blocks", "/account/blocks"),
            ("console", "/console"), ("console-replays", "/console/replays"), ("console-events", "/console/events"), ("console-dlq", "/console/dlq/UpdateStats"),
        ];
        var anonymous = await web.Browser.NewPageAsync(web.Server, width);
        (string Name, string Path)[] signedOut =
            [("signin", "/signin"), ("signup", "/signup"), ("forgot-password", "/forgot-password"), ("verify-email", "/verify-email?token=x"), ("browse-anonymous", "/?place=Warszawa")];

        var failures = new List<string>();
        foreach (var (viewer, list) in new[] { (page, pages), (anonymous, signedOut) })
        {
            foreach (var (name, path) in list)
            {
                await viewer.GotoAsync(path);
                await viewer.WaitForLoadStateAsync(LoadState.NetworkIdle);
                await Artifacts.ScreenshotAsync(viewer, name);
                var axe = await viewer.RunAxe();
                failures.AddRange(axe.Violations.Where(v => v.Impact is "serious" or "critical")
                    .Select(v => $"{name} ({width}px): {v.Id} {v.Impact}: {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html).Take(3))}"));
                var overflow = await viewer.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
                if (overflow > 0)
                {
                    failures.Add($"{name} ({width}px): the page is {overflow}px wider than the window");
                }
            }
        }

        failures.ShouldBeEmpty(string.Join("\n", failures));
        web.Browser.ForeignRequests.ShouldBeEmpty();
    }
}
