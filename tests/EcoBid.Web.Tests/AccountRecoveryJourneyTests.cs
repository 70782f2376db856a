using System.Text.RegularExpressions;
using EcoBid.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using OtpNet;
using static Microsoft.Playwright.Assertions;

namespace EcoBid.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class AccountRecoveryJourneyTests(WebFixture web)
{
    [Fact]
    public async Task A_person_turns_on_two_step_sign_in_from_the_account_page_and_then_needs_a_code_to_sign_in()
    {
        var (email, page) = await People.SignedInAsync(web, "Jadwiga");
        await page.GotoAsync("/account");
        await page.GetByRole(AriaRole.Link, new() { Name = "Two-step sign-in (authenticator app)" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up an authenticator app" }).ClickAsync();

        var qr = page.GetByRole(AriaRole.Img, new() { Name = "QR code for your authenticator app" });
        await Expect(qr).ToBeVisibleAsync();
        (await qr.GetAttributeAsync("src")).ShouldStartWith("data:image/png;base64,");
        (await qr.EvaluateAsync<int>("img => img.naturalWidth")).ShouldBeGreaterThan(0);
        var secret = (await page.Locator("li code").InnerTextAsync()).Trim();
        secret.ShouldMatch("^[A-Z2-7]{16,}=*$");

        // A wrong code is refused and leaves two-step sign-in off.
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
        await Expect(page.Locator("[data-field-error=code]")).ToBeVisibleAsync();

        var totp = new Totp(Base32Encoding.ToBytes(secret));
        var enabledAt = DateTime.UtcNow;
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(totp.ComputeTotp(enabledAt));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Two-step sign-in is on.");
        await page.GotoAsync("/account");
        await Expect(page.Locator("dt:text-is('Two-step sign-in') + dd")).ToHaveTextAsync("on");

        await page.Locator(".usermenu summary").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();

        await page.GotoAsync("/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(WebServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var code = page.GetByLabel("Code from your authenticator app");
        await Expect(code).ToBeVisibleAsync();
        (await page.Context.CookiesAsync()).ShouldNotContain(c => c.Name == "ecobid_session");

        // Each code signs in once: the one that turned it on is spent, so wait for the app's next code.
        var next = enabledAt.AddSeconds(totp.RemainingSeconds(enabledAt) + 1);
        if (next > DateTime.UtcNow)
        {
            await Task.Delay(next - DateTime.UtcNow);
        }

        await page.GetByLabel("Password").FillAsync(WebServer.Password);
        await code.FillAsync(totp.ComputeTotp(DateTime.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator(".usermenu summary")).ToContainTextAsync("Jadwiga");
        web.Browser.ErrorsOf(page).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_person_resets_a_forgotten_password_by_the_emailed_link_and_signs_in_with_the_new_one()
    {
        var email = await web.Server.SignUpAsync("Bogdan");
        var page = await web.Browser.NewPageAsync(web.Server);
        await page.GotoAsync("/signin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        // The sign-in form has an Email field too: typing before the new page is in would fill the old one, which the
        // enhanced navigation then replaces, and the empty required field would keep the form from being sent.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Forgot your password?" })).ToBeVisibleAsync();
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Email me a reset link" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("a reset link is on its way");

        var token = await web.Server.MailTokenAsync(email, "reset-password");
        await page.GotoAsync("/reset-password?token=" + token);
        await page.GetByLabel("New password").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Expect(page.Locator("[data-field-error=newPassword]")).ToBeVisibleAsync();

        const string newPassword = "N3w-password-ok";
        await page.GetByLabel("New password").FillAsync(newPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/signin"));

        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(WebServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Sign-in failed.");

        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(newPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator(".usermenu summary")).ToContainTextAsync("Bogdan");
        web.Browser.ErrorsOf(page).ShouldBeEmpty();
    }
}
