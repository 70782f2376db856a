using System.Net.Http.Json;
using EcoBid.Server.Tests.Infrastructure;
using EcoBid.Server.Tests.Reservations;

namespace EcoBid.Server.Tests.Notifications;

public sealed class EmailTests
{
    [Fact]
    public async Task Without_an_smtp_server_the_email_is_written_to_the_pickup_folder()
    {
        using var app = new EcoBidApp();
        var (seller, sellerClient) = await app.SignUpAsync(displayName: "Giver");
        var (_, buyerClient) = await app.SignUpAsync(displayName: "Taker");
        await buyerClient.ReserveAsync(await sellerClient.CreateItemAsync());

        var mail = await MailFolder.WaitForAsync(app.MailFolder, seller.Email, "Taker reserved");
        mail.ShouldContain("Hello Giver,");
        mail.ShouldContain("Taker reserved your item \"Oak dining chair\"");
        await Eventually.TrueAsync(async () => await app.Database.CountAsync("SELECT COUNT(*) FROM notifications WHERE user_id = @Id AND email_status = 'sent'", seller) == 1);
    }

    [Fact]
    public async Task With_an_smtp_server_configured_the_email_goes_over_smtp()
    {
        await using var smtp = SmtpSink.Start();
        using var app = new EcoBidApp().WithSmtp(smtp);
        var (seller, sellerClient) = await app.SignUpAsync(displayName: "Giver");
        var (_, buyerClient) = await app.SignUpAsync(displayName: "Taker");
        await buyerClient.ReserveAsync(await sellerClient.CreateItemAsync());

        var message = await smtp.WaitForAsync(m => m.IsTo(seller.Email) && m.Data.Contains("reserved", StringComparison.Ordinal));
        message.Recipients.ShouldBe([seller.Email]);
        message.Data.ShouldContain("Taker reserved your item");
        message.Data.ShouldContain("Hello Giver,");
    }

    [Fact]
    public async Task A_dead_smtp_server_trips_the_breaker_emails_are_skipped_and_the_notifications_still_arrive()
    {
        using var app = new EcoBidApp()
            .With("Mail:Smtp:Host", "127.0.0.1").With("Mail:Smtp:Port", FreePort.Next().ToString())
            .With("Mail:BreakerMinimumThroughput", "2").With("Mail:RetryBase", "00:00:00.050").With("Mail:MaxAttempts", "5");
        using var emails = app.CollectNotificationCounter("ecobid.notifications.email");
        using var breaker = app.CollectNotificationCounter("ecobid.notifications.email_breaker");
        // Nobody can verify by email with the server down: the accounts are verified in the database.
        var (_, sellerClient) = await app.SignUpWithoutEmailAsync(displayName: "Giver");
        for (var i = 0; i < 6; i++)
        {
            var (_, buyer) = await app.SignUpWithoutEmailAsync(displayName: "Taker");
            await buyer.ReserveAsync(await sellerClient.CreateItemAsync());
        }

        await app.WaitHandledAsync("NotifySeller", count: 6);
        (await sellerClient.UnreadAsync()).ShouldBe(6);

        await Eventually.TrueAsync(async () => await app.Database.CountAsync("SELECT COUNT(*) FROM notifications WHERE email_status IN ('pending', 'sending')") == 0, seconds: 30);
        (await app.Database.CountAsync("SELECT COUNT(*) FROM notifications WHERE email_status = 'skipped' AND email_error LIKE '%circuit open%'")).ShouldBeGreaterThan(0);
        emails.GetMeasurementSnapshot().Count(m => m.Tag("outcome") == "skipped").ShouldBeGreaterThan(0);
        breaker.GetMeasurementSnapshot().ShouldContain(m => m.Tag("transition") == "opened");
        // Handlers did their work: nothing of theirs is dead-lettered. Each email not sent is, under EmailDelivery.
        (await app.Database.CountAsync("SELECT COUNT(*) FROM queue_messages WHERE dead_lettered_at IS NOT NULL AND queue <> 'EmailDelivery.dlq'")).ShouldBe(0);
        (await app.Database.CountAsync("SELECT COUNT(*) FROM queue_messages WHERE queue = 'EmailDelivery.dlq'"))
            .ShouldBe(await app.Database.CountAsync("SELECT COUNT(*) FROM notifications WHERE email_status IN ('skipped', 'failed')"));

        // Account emails are not skipped like notification emails: the seven verification emails, refused by the open
        // circuit too, stay queued for the server's return.
        await Eventually.TrueAsync(async () => await app.Database.CountAsync("SELECT COUNT(*) FROM account_email_outbox WHERE last_error LIKE '%circuit open%'") > 0);
        (await app.Database.CountAsync("SELECT COUNT(*) FROM account_email_outbox WHERE purpose = 'verify-email'")).ShouldBe(7);
    }

    [Fact]
    public async Task Emails_not_sent_while_the_server_was_down_wait_as_dead_letters_and_a_redrive_sends_them()
    {
        var port = FreePort.Next();
        using var app = new EcoBidApp()
            .With("Mail:Smtp:Host", "127.0.0.1").With("Mail:Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("Mail:BreakerMinimumThroughput", "2").With("Mail:BreakerBreakDuration", "00:00:01")
            .With("Mail:RetryBase", "00:00:00.050").With("Mail:MaxAttempts", "2");
        var (seller, sellerClient) = await app.SignUpWithoutEmailAsync(displayName: "Giver");
        for (var i = 0; i < 3; i++)
        {
            var (_, buyer) = await app.SignUpWithoutEmailAsync(displayName: $"Taker {i}");
            await buyer.ReserveAsync(await sellerClient.CreateItemAsync());
        }

        await Eventually.TrueAsync(async () => await app.Database.CountAsync("SELECT COUNT(*) FROM notifications WHERE email_status IN ('skipped', 'failed')") == 3, seconds: 30);
        var (adminUser, _) = await app.SignUpWithoutEmailAsync(displayName: "Admin");
        await app.Database.WriteAsync(scope => Dapper.SqlMapper.ExecuteAsync(scope.Connection, "UPDATE users SET role = 'admin' WHERE id = @Id", adminUser, scope.Transaction));
        var admin = app.CreateClient().Authorize((await AccountFlow.SignInAsync(app.CreateClient(), adminUser.Email)).GetProperty("accessToken").GetString()!);
        var letters = await (await admin.GetAsync("/admin/dlq/EmailDelivery")).ReadJsonAsync();
        letters.GetArrayLength().ShouldBe(3);
        letters[0].GetProperty("lastError").GetString().ShouldNotBeNull().ShouldStartWith("email ");
        (await app.Database.EventCountAsync("EmailUndelivered")).ShouldBe(3);

        await using var smtp = SmtpSink.Start(port);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // the open circuit lets a send through again after its break
        int Reserved() => smtp.Received.Count(m => m.IsTo(seller.Email) && m.Data.Contains("reserved", StringComparison.Ordinal));

        // While the circuit is half-open it lets one trial send through (the account emails retry too) and skips the
        // rest, which go back to the dead letters: what is still there is redriven again, as an operator would.
        await Eventually.TrueAsync(async () =>
        {
            var redrive = await admin.PostAsJsonAsync("/admin/dlq/EmailDelivery/redrive", new { });
            redrive.EnsureSuccessStatusCode();
            var until = DateTimeOffset.UtcNow.AddSeconds(5);
            while (Reserved() < 3 && DateTimeOffset.UtcNow < until)
            {
                await Task.Delay(50);
            }

            return Reserved() == 3;
        }, seconds: 60, what: "the redriven emails reach the server");
        await Eventually.TrueAsync(async () => await app.Database.CountAsync("SELECT COUNT(*) FROM notifications WHERE user_id = @Id AND email_status = 'sent'", seller) == 3);
        (await app.Database.CountAsync("SELECT COUNT(*) FROM queue_messages WHERE queue LIKE 'EmailDelivery%'")).ShouldBe(0);
    }
}
