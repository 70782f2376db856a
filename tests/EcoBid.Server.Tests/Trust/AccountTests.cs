using System.Net;
using System.Net.Http.Json;
using EcoBid.Domain.Users;
using EcoBid.Server.Tests.Infrastructure;
using EcoBid.Server.Tests.Notifications;

namespace EcoBid.Server.Tests.Trust;

public sealed class AccountTests : IDisposable
{
    private readonly EcoBidApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_link_in_the_verification_email_opens_a_page_whose_button_verifies_the_address()
    {
        using var client = _app.CreateClient();
        var email = $"page-{Guid.NewGuid():N}@example.com";
        (await client.PostAsJsonAsync("/auth/register", new { email, password = AccountFlow.Password, displayName = "Pat" })).EnsureSuccessStatusCode();
        var token = await _app.AccountTokenAsync(email, "verify-email");

        var page = await client.GetAsync($"/verify-email?token={token}");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await page.Content.ReadAsStringAsync()).ShouldContain($"value=\"{token}\"");
        await (await client.PostAsJsonAsync("/auth/login", new { email, password = AccountFlow.Password })).ShouldBeProblemAsync(403); // opening the page verifies nothing

        var done = await client.PostAsync("/verify-email", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token }));
        done.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await done.Content.ReadAsStringAsync()).ShouldContain("confirmed");
        (await client.PostAsJsonAsync("/auth/login", new { email, password = AccountFlow.Password })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var again = await client.PostAsync("/verify-email", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token }));
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_reset_link_opens_a_page_that_sets_a_new_password_and_says_what_is_wrong_with_a_weak_one()
    {
        var (user, _) = await _app.SignUpAsync();
        using var client = _app.CreateClient();
        (await client.PostAsJsonAsync("/auth/password/forgot", new { email = user.Email })).EnsureSuccessStatusCode();
        var token = await _app.AccountTokenAsync(user.Email, "reset-password");

        (await (await client.GetAsync($"/reset-password?token={token}")).Content.ReadAsStringAsync()).ShouldContain("name=\"newPassword\"");
        var weak = await client.PostAsync("/reset-password", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["newPassword"] = "short" }));
        weak.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await weak.Content.ReadAsStringAsync()).ShouldContain("<li>");
        var strong = await client.PostAsync("/reset-password", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["newPassword"] = "Brand-new-pass-9" }));
        strong.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = "Brand-new-pass-9" })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Page_text_from_the_link_is_encoded()
    {
        using var client = _app.CreateClient();
        var html = await (await client.GetAsync("/verify-email?token=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E")).Content.ReadAsStringAsync();
        html.ShouldNotContain("<script>");
        html.ShouldContain("&lt;script&gt;");
    }

    [Fact]
    public async Task A_new_verification_link_is_sent_at_most_once_a_minute_and_the_answer_never_tells_whether_the_address_exists()
    {
        using var client = _app.CreateClient();
        var email = $"resend-{Guid.NewGuid():N}@example.com";
        (await client.PostAsJsonAsync("/auth/register", new { email, password = AccountFlow.Password, displayName = "Ren" })).EnsureSuccessStatusCode();
        await _app.WaitHandledAsync("AccountEmails");

        var first = await client.PostAsJsonAsync("/auth/verify-email/resend", new { email });
        var second = await client.PostAsJsonAsync("/auth/verify-email/resend", new { email });
        var nobody = await client.PostAsJsonAsync("/auth/verify-email/resend", new { email = $"nobody-{Guid.NewGuid():N}@example.com" });
        new[] { first, second, nobody }.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Accepted);
        (await first.Content.ReadAsStringAsync()).ShouldBe(await nobody.Content.ReadAsStringAsync());
        await (await client.PostAsJsonAsync("/auth/verify-email/resend", new { email = "not an address" })).ShouldBeProblemAsync(400);

        await _app.WaitHandledAsync("AccountEmails", count: 2);
        (await _app.Database.EventCountAsync("VerificationEmailRequested")).ShouldBe(1);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM account_tokens WHERE purpose = 'verify-email'")).ShouldBe(2);
    }

    [Fact]
    public async Task Put_users_me_changes_the_profile_and_preferences_change_in_part()
    {
        var (user, client) = await _app.SignUpAsync();
        (await client.PutAsJsonAsync("/users/me", new { notificationPreferences = new { nearby_item = new[] { "push" }, message = Array.Empty<string>() } })).EnsureSuccessStatusCode();
        var changed = await (await client.PutAsJsonAsync("/users/me", new { displayName = "Renamed", locale = "pl", notificationPreferences = new { outbid = new[] { "email" }, message = (string[]?)null } })).ReadJsonAsync();

        changed.GetProperty("displayName").GetString().ShouldBe("Renamed");
        changed.GetProperty("locale").GetString().ShouldBe("pl");
        var prefs = changed.GetProperty("notificationPreferences");
        prefs.GetProperty("nearby_item").EnumerateArray().Select(c => c.GetString()).ShouldBe(["push"]);
        prefs.GetProperty("outbid").EnumerateArray().Select(c => c.GetString()).ShouldBe(["email"]);
        prefs.TryGetProperty("message", out _).ShouldBeFalse();
        (await (await client.GetAsync($"/users/{user.Id}")).ReadJsonAsync()).GetProperty("displayName").GetString().ShouldBe("Renamed");
    }

    [Fact]
    public async Task Unknown_kinds_and_channels_are_refused_by_name_and_nothing_changes()
    {
        var (_, client) = await _app.SignUpAsync();
        var before = await (await client.GetAsync("/users/me")).Content.ReadAsStringAsync();

        var problem = await (await client.PutAsJsonAsync("/users/me", new { notificationPreferences = new { outbid = new[] { "sms" }, auction_gossip = new[] { "push" } } })).ShouldBeProblemAsync(400);
        var messages = problem.GetProperty("errors").GetProperty("notificationPreferences").EnumerateArray().Select(m => m.GetString()!).ToList();
        messages.ShouldContain(m => m.Contains("'auction_gossip'", StringComparison.Ordinal));
        messages.ShouldContain(m => m.Contains("'sms'", StringComparison.Ordinal));
        await (await client.PutAsJsonAsync("/users/me", new { notificationPreferences = new { waitlist_promoted = new[] { "push" } } })).ShouldBeProblemAsync(400);
        await (await client.PutAsJsonAsync("/users/me", new { locale = "xx" })).ShouldBeProblemAsync(400);

        (await (await client.GetAsync("/users/me")).Content.ReadAsStringAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_spent_totp_code_is_refused_as_spent_and_still_counts_toward_the_lockout()
    {
        var (user, client) = await _app.SignUpAsync();
        var secret = Base32.Decode((await (await client.PostAsync("/auth/mfa/setup", null)).ReadJsonAsync()).GetProperty("secret").GetString()!);
        (await client.PostAsJsonAsync("/auth/mfa/enable", new { code = Totp.Code(secret, DateTimeOffset.UtcNow) })).EnsureSuccessStatusCode();
        using var anonymous = _app.CreateClient();
        var code = Totp.Code(secret, DateTimeOffset.UtcNow.AddSeconds(30));
        (await anonymous.PostAsJsonAsync("/auth/login", new { email = user.Email, password = AccountFlow.Password, totpCode = code })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var reused = await (await anonymous.PostAsJsonAsync("/auth/login", new { email = user.Email, password = AccountFlow.Password, totpCode = code })).ShouldBeProblemAsync(401);
        reused.GetProperty("type").GetString().ShouldBe("https://ecobid.dev/problems/totp-code-used");
        var wrong = await (await anonymous.PostAsJsonAsync("/auth/login", new { email = user.Email, password = "Wrong-pass-1" })).ShouldBeProblemAsync(401);
        wrong.GetProperty("type").GetString().ShouldNotBe("https://ecobid.dev/problems/totp-code-used");

        (await _app.Database.CountAsync("SELECT failures FROM login_failures")).ShouldBe(2);
    }

    [Fact]
    public async Task The_home_page_points_to_the_api()
    {
        using var client = _app.CreateClient();
        var response = await client.GetAsync("/");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("href=\"/swagger\"");
    }
}
