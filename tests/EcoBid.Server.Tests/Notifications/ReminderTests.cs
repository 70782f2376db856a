using System.Text.Json;
using EcoBid.Events.Envelope;
using EcoBid.Events.Scheduling;
using EcoBid.Server.Notifications;
using EcoBid.Server.Tests.Infrastructure;
using EcoBid.Server.Tests.Reservations;

namespace EcoBid.Server.Tests.Notifications;

public sealed class ReminderTests : IDisposable
{
    // The reminder is set by a handler of ReservationCreated, and only while it is still ahead: the window leaves that
    // handler 8 s, which a loaded machine needs (with 1 s, and on PostgreSQL beside other suites with 4 s, it sometimes
    // came too late, and no reminder was set at all).
    private readonly EcoBidApp _app = new EcoBidApp().With("Reservations:Window", "00:00:16").With("Notifications:ReservationReminderBefore", "00:00:08");

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_buyer_is_reminded_before_an_unconfirmed_reservation_runs_out()
    {
        var (_, sellerClient) = await _app.SignUpAsync();
        var (buyer, buyerClient) = await _app.SignUpAsync();
        await using var live = await LiveClient.ConnectAsync(_app, buyer.AccessToken);
        var reservationId = (await buyerClient.ReserveAsync(await sellerClient.CreateItemAsync())).GetProperty("id").GetString();

        var reminder = await live.NextNotificationAsync("reservation_expiring", seconds: 25);
        reminder.GetProperty("data").GetProperty("reservationId").GetString().ShouldBe(reservationId);
    }

    [Fact]
    public async Task A_confirmed_reservation_is_not_reminded_of_expiry()
    {
        var (_, sellerClient) = await _app.SignUpAsync();
        var (_, buyerClient) = await _app.SignUpAsync();
        var reservationId = (await buyerClient.ReserveAsync(await sellerClient.CreateItemAsync())).GetProperty("id").GetString()!;
        // The reminder is set first, then the reservation confirmed: set after the confirmation (a busy worker), it
        // would not be set at all and there would be no firing to stay silent.
        await _app.WaitForAsync(a => a.Kind == EcoBid.Events.Monitoring.RuntimeActivityKind.Handled && a.Queue == "ScheduleReservationReminder", seconds: 8);
        (await _app.Database.CountAsync($"SELECT COUNT(*) FROM timers WHERE key = '{ReservationReminders.TimerKey(reservationId)}'")).ShouldBe(1);
        (await sellerClient.ActAsync(reservationId, "confirm")).EnsureSuccessStatusCode();

        await _app.WaitForAsync(a => a.Kind == EcoBid.Events.Monitoring.RuntimeActivityKind.Handled && a.Queue == "RemindReservation", seconds: 25);
        var kinds = (await buyerClient.InboxAsync()).GetProperty("items").EnumerateArray().Select(n => n.GetProperty("kind").GetString()).ToList();
        kinds.ShouldBe(["reservation_confirmed"]);
    }

    [Fact]
    public async Task The_pickup_reminders_schedule_reminds_both_sides_of_an_agreed_pickup_once_per_run()
    {
        var (_, sellerClient) = await _app.SignUpAsync();
        var (_, buyerClient) = await _app.SignUpAsync();
        var reservationId = (await buyerClient.ReserveAsync(await sellerClient.CreateItemAsync())).GetProperty("id").GetString()!;
        (await sellerClient.ActAsync(reservationId, "confirm")).EnsureSuccessStatusCode();

        var run = new EventEnvelope
        {
            Id = Guid.CreateVersion7().ToString(),
            Source = ScheduledEvents.Source,
            DetailType = ScheduledEvents.DetailType,
            Time = DateTimeOffset.UtcNow,
            Resources = [ScheduledEvents.Resource("PickupReminders")],
            Detail = JsonSerializer.SerializeToElement(new { schedule = "PickupReminders" }),
        };
        await _app.Database.WriteAsync(async scope =>
        {
            await scope.PublishAsync(run);
            await scope.PublishAsync(run with { Id = Guid.CreateVersion7().ToString() });
            return 0;
        });
        await _app.WaitHandledAsync("PickupReminders", count: 2);

        foreach (var client in new[] { sellerClient, buyerClient })
        {
            var kinds = (await client.InboxAsync()).GetProperty("items").EnumerateArray().Select(n => n.GetProperty("kind").GetString()).Where(k => k == "pickup_reminder");
            kinds.Count().ShouldBe(2);
        }
    }
}
