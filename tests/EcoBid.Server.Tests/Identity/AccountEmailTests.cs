using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Identity;

/// <summary>Verification and password-reset emails: queued with their token, sent by the transport the server is configured with.</summary>
public sealed class AccountEmailTests
{
    [Fact]
    public async Task Without_smtp_the_verification_email_is_written_to_the_pickup_folder_and_not_kept_once_sent()
    {
        using var app = new EcoBidApp();
        var (user, _) = await app.SignUpAsync(displayName: "Ann");

        var mail = await MailFolder.WaitForAsync(app.MailFolder, user.Email, "Confirm your EcoBid email address");
        mail.ShouldContain("Hello Ann,");
        (await app.Database.CountAsync("SELECT COUNT(*) FROM account_email_outbox")).ShouldBe(0);
    }

    [Fact]
    public async Task With_smtp_configured_the_verification_email_goes_over_smtp_and_not_to_the_pickup_folder()
    {
        await using var smtp = SmtpSink.Start();
        using var app = new EcoBidApp().WithSmtp(smtp);

        // Signing up reads the token from the message the SMTP server got, verifies with it and signs in.
        var (user, client) = await app.SignUpAsync(displayName: "Ann");

        var message = smtp.Received.Single(m => m.IsTo(user.Email));
        message.Recipients.ShouldBe([user.Email]);
        message.Data.ShouldContain("Subject: Confirm your EcoBid email address");
        message.Data.ShouldContain("Hello Ann,");
        (await (await client.GetAsync("/users/me")).ReadJsonAsync()).GetProperty("emailVerified").GetBoolean().ShouldBeTrue();
        PickupFiles(app).ShouldBeEmpty();
        await Eventually.TrueAsync(async () => await app.Database.CountAsync("SELECT COUNT(*) FROM account_email_outbox") == 0, what: "the sent email's row (with its token) is removed");
    }

    [Fact]
    public async Task With_smtp_configured_the_password_reset_email_goes_over_smtp_and_its_token_sets_the_new_password()
    {
        await using var smtp = SmtpSink.Start();
        using var app = new EcoBidApp().WithSmtp(smtp);
        var (user, _) = await app.SignUpAsync(displayName: "Ann");
        var client = app.CreateClient();

        (await client.PostAsJsonAsync("/auth/password/forgot", new { email = user.Email })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var token = await AccountFlow.TokenFromSmtpAsync(smtp, user.Email, "reset-password");
        (await client.PostAsJsonAsync("/auth/password/reset", new { token, newPassword = "N3w-password!" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = AccountFlow.Password })).ShouldBeProblemAsync(401);
        (await client.PostAsJsonAsync("/auth/login", new { email = user.Email, password = "N3w-password!" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        smtp.Received.Single(m => m.IsTo(user.Email) && m.Data.Contains("/reset-password?token=", StringComparison.Ordinal)).Data.ShouldContain("Subject: Reset your EcoBid password");
        PickupFiles(app).ShouldBeEmpty();
    }

    [Fact]
    public async Task While_the_smtp_server_is_down_the_verification_email_is_retried_through_the_open_circuit_and_arrives_once_it_is_back()
    {
        var port = FreePort.Next();
        using var app = new EcoBidApp()
            .With("Mail:Smtp:Host", "127.0.0.1").With("Mail:Smtp:Port", port.ToString())
            .With("Mail:RetryBase", "00:00:00.050").With("Mail:RetryCap", "00:00:00.250")
            .With("Mail:BreakerMinimumThroughput", "2").With("Mail:BreakerBreakDuration", "00:00:01");
        var client = app.CreateClient();
        var email = $"user-{Guid.NewGuid():N}@example.com";
        (await client.PostAsJsonAsync("/auth/register", new { email, password = AccountFlow.Password, displayName = "Ann" })).EnsureSuccessStatusCode();

        // Failed sends open the circuit; an account email is not dropped then, unlike a notification email.
        await Eventually.TrueAsync(
            async () => await app.Database.CountAsync("SELECT COUNT(*) FROM account_email_outbox WHERE recipient = @email AND attempts >= 3 AND last_error LIKE '%circuit open%'", new { email }) == 1,
            what: "the verification email is retried while the circuit is open");
        await (await client.PostAsJsonAsync("/auth/login", new { email, password = AccountFlow.Password })).ShouldBeProblemAsync(403);

        await using var smtp = SmtpSink.Start(port);
        var token = await AccountFlow.TokenFromSmtpAsync(smtp, email, "verify-email");
        (await client.PostAsJsonAsync("/auth/verify-email", new { token })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/auth/login", new { email, password = AccountFlow.Password })).StatusCode.ShouldBe(HttpStatusCode.OK);

        await Eventually.TrueAsync(async () => await app.Database.CountAsync("SELECT COUNT(*) FROM account_email_outbox") == 0, what: "the sent email's row is removed");
        smtp.Received.Count(m => m.IsTo(email)).ShouldBe(1);
        PickupFiles(app).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_account_email_still_unsent_when_its_token_expires_is_given_up_counted_and_removed()
    {
        var lifetime = TimeSpan.FromSeconds(2);
        var retryCap = TimeSpan.FromMilliseconds(250);
        using var app = new EcoBidApp()
            .With("Mail:Smtp:Host", "127.0.0.1").With("Mail:Smtp:Port", FreePort.Next().ToString())
            .With("Auth:VerificationTokenLifetime", lifetime.ToString())
            .With("Mail:RetryBase", "00:00:00.050").With("Mail:RetryCap", retryCap.ToString());
        using var accountEmails = app.CollectNotificationCounter("ecobid.notifications.account_email");
        List<(string Purpose, string Outcome)> Outcomes() =>
            [.. accountEmails.GetMeasurementSnapshot().Select(m => (m.Tag("purpose") ?? "?", m.Tag("outcome") ?? "?"))];
        var client = app.CreateClient();
        var email = $"user-{Guid.NewGuid():N}@example.com";

        var sinceRegistering = Stopwatch.StartNew();
        (await client.PostAsJsonAsync("/auth/register", new { email, password = AccountFlow.Password, displayName = "Ann" })).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(async () => await app.Database.CountAsync("SELECT COUNT(*) FROM account_email_outbox") == 1, what: "the email is queued");
        await Eventually.TrueAsync(async () => await app.Database.CountAsync("SELECT COUNT(*) FROM account_email_outbox") == 0, what: "the email is given up");
        sinceRegistering.Stop();

        // Not before the token was about to expire: the last try is at most one retry cap before it.
        sinceRegistering.Elapsed.ShouldBeGreaterThanOrEqualTo(lifetime - retryCap - TimeSpan.FromMilliseconds(50));
        await Eventually.TrueAsync(() => Task.FromResult(Outcomes().Contains(("verify-email", "given_up"))), what: "the give-up is counted");
        var outcomes = Outcomes();
        outcomes.Count(o => o.Outcome == "given_up").ShouldBe(1);
        outcomes.Count(o => o.Outcome == "retry").ShouldBeGreaterThan(0);
        outcomes.ShouldNotContain(("verify-email", "sent"));
        PickupFiles(app).ShouldBeEmpty();
    }

    private static string[] PickupFiles(EcoBidApp app) =>
        Directory.Exists(app.MailFolder) ? Directory.GetFiles(app.MailFolder) : [];
}
