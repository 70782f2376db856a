using EcoBid.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcoBid.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class SecurityTests(WebFixture web)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/signin")]
    [InlineData("/item/no-such-item")]
    public async Task Pages_carry_a_strict_content_security_policy_and_the_other_protective_headers(string path)
    {
        using var response = await web.Server.Api.GetAsync(path);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("default-src 'self'");
        csp.ShouldContain("script-src 'self';");
        csp.ShouldContain("style-src 'self';");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("connect-src 'self'");
        csp.ShouldNotContain("unsafe-inline");
        csp.ShouldNotContain("unsafe-eval");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("same-origin");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
    }

    [Fact]
    public async Task A_page_has_no_inline_script_or_style_and_the_browser_reports_no_policy_violation()
    {
        var (_, page) = await People.SignedInAsync(web, "Csp");
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        foreach (var path in new[] { "/", "/give", "/inbox", "/account" })
        {
            await page.GotoAsync(path);
            await Expect(page.Locator("html[data-live=on]")).ToBeAttachedAsync();
            (await page.Locator("script:not([src])").CountAsync()).ShouldBe(0, path);
            (await page.Locator("[style]").CountAsync()).ShouldBe(0, path);
        }

        violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_form_posted_from_another_site_is_refused_and_changes_nothing()
    {
        var (_, victim) = await People.SignedInAsync(web, "Victim");
        // Another site's page, in the victim's browser, posts the sign-out form to EcoBid (with the victim's cookies).
        await victim.Context.RouteAsync("http://evil.example/**", route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "text/html",
            Body = $"""
                <form id="f" method="post" action="{web.Server.Url}/signout">
                  <input type="hidden" name="_handler" value="signout">
                </form>
                <script>document.getElementById('f').submit()</script>
                """,
        }));
        var answer = victim.WaitForResponseAsync(r => r.Url.EndsWith("/signout", StringComparison.Ordinal) && r.Request.Method == "POST");
        await victim.GotoAsync("http://evil.example/");
        (await answer).Status.ShouldBe(400);

        await victim.GotoAsync("/account");
        await Expect(victim.Locator(".usermenu summary")).ToContainTextAsync("Victim");
    }

    [Fact]
    public async Task The_live_token_is_given_only_to_a_same_site_request_with_the_session_cookie()
    {
        using var bare = await web.Server.Api.GetAsync("/web/live-token");
        ((int)bare.StatusCode).ShouldBe(400);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/web/live-token");
        request.Headers.Add("X-EcoBid-Live", "1");
        using var anonymous = await web.Server.Api.SendAsync(request);
        ((int)anonymous.StatusCode).ShouldBe(401);

        var (_, page) = await People.SignedInAsync(web, "Token");
        var token = await page.EvaluateAsync<string>("async () => (await (await fetch('/web/live-token', { headers: { 'X-EcoBid-Live': '1' } })).json()).token");
        token.Split('.').Length.ShouldBe(3);
        var cached = await page.EvaluateAsync<string>("async () => (await fetch('/web/live-token', { headers: { 'X-EcoBid-Live': '1' } })).headers.get('cache-control')");
        cached.ShouldBe("no-store");
    }
}
