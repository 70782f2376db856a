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
        var secret = Totp.SecretBytes((await (await client.PostAsync("/auth/mfa/setup", null)).ReadJsonAsync()).GetProperty("secret").GetString()!);
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
}
