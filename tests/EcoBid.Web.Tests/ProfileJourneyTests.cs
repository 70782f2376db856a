using EcoBid.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcoBid.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class ProfileJourneyTests(WebFixture web)
{
    [Fact]
    public async Task Name_home_location_and_notification_choices_are_saved_and_shown_again_after_a_reload()
    {
        var (_, page) = await People.SignedInAsync(web, "Halina");
        await page.GotoAsync("/account");
        var email = page.GetByRole(AriaRole.Checkbox, new() { Name = "Messages: Email" });
        var inbox = page.GetByRole(AriaRole.Checkbox, new() { Name = "You were outbid: Inbox" });
        var wasEmail = await email.IsCheckedAsync();
        var wasInbox = await inbox.IsCheckedAsync();

        await page.GetByLabel("Display name").FillAsync("Halina <b>K</b>");
        await page.GetByLabel("Latitude").FillAsync("50.0647");
        await page.GetByLabel("Longitude").FillAsync("19,945");
        await email.SetCheckedAsync(!wasEmail);
        await inbox.SetCheckedAsync(!wasInbox);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved.");

        await page.ReloadAsync();
        await Expect(page.GetByLabel("Display name")).ToHaveValueAsync("Halina <b>K</b>");
        await Expect(page.Locator(".usermenu summary")).ToContainTextAsync("Halina <b>K</b>");
        await Expect(page.GetByLabel("Latitude")).ToHaveValueAsync("50.0647");
        await Expect(page.GetByLabel("Longitude")).ToHaveValueAsync("19.945");
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Messages: Email" })).ToBeCheckedAsync(new() { Checked = !wasEmail });
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "You were outbid: Inbox" })).ToBeCheckedAsync(new() { Checked = !wasInbox });
        (await page.Locator("b").CountAsync()).ShouldBe(0);

        // A point off the globe is the API's refusal, next to the field, and the saved point stays.
        await page.GetByLabel("Latitude").FillAsync("123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator("[data-field-error='homeLocation.lat']")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(page.GetByLabel("Latitude")).ToHaveValueAsync("50.0647");
        web.Browser.ErrorsOf(page).ShouldBeEmpty();
    }
}
