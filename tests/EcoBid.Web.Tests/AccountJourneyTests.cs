using System.Text.RegularExpressions;
using EcoBid.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcoBid.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class AccountJourneyTests(WebFixture web)
{
    [Fact]
    public async Task A_person_signs_up_confirms_by_the_emailed_link_signs_in_stays_in_across_pages_and_signs_out()
    {
        var page = await web.Browser.NewPageAsync(web.Server);
        var email = $"zofia.{Guid.NewGuid():N}"[..20] + "@example.com";

        await page.GotoAsync("/signup");
        await page.GetByLabel("Your name, as others see it").FillAsync("Zofia");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("weak");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        // The API's password rule, shown next to the password field.
        await Expect(page.Locator("[data-field-error=password]")).ToBeVisibleAsync();
        await Expect(page.Locator("#password")).ToHaveAttributeAsync("aria-invalid", "true");

        await page.GetByLabel("Password").FillAsync(WebServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page.Locator("[data-signup-done]")).ToContainTextAsync(email);

        var token = await web.Server.MailTokenAsync(email, "verify-email");
        await page.GotoAsync("/verify-email?token=" + token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm my email address" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/signin\\?verified=true$"));

        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(WebServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator(".usermenu summary")).ToContainTextAsync("Zofia");

        await page.GotoAsync("/account");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Profile and settings" })).ToBeVisibleAsync();

        var cookies = await page.Context.CookiesAsync();
        var session = cookies.Single(c => c.Name == "ecobid_session");
        session.HttpOnly.ShouldBeTrue();
        session.SameSite.ShouldBe(SameSiteAttribute.Lax);
        (await page.EvaluateAsync<string>("() => document.cookie")).ShouldNotContain("ecobid_session");
        (await page.EvaluateAsync<int>("() => localStorage.length + sessionStorage.length")).ShouldBe(0);

        await page.Locator(".usermenu summary").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        (await page.Context.CookiesAsync()).ShouldNotContain(c => c.Name == "ecobid_session");
        web.Browser.ErrorsOf(page).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_wrong_password_shows_the_problem_and_keeps_the_person_signed_out()
    {
        var email = await web.Server.SignUpAsync("Marek");
        var page = await web.Browser.NewPageAsync(web.Server);
        await page.GotoAsync("/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("Wrong-pass1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Sign-in failed.");
        (await page.Context.CookiesAsync()).ShouldNotContain(c => c.Name == "ecobid_session");
    }
}
