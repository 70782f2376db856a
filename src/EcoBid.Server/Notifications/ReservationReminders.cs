using EcoBid.Events.Storage;
using EcoBid.Events.Timers;
using EcoBid.Server.Events;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Notifications;

/// <summary>
/// The timer that reminds a buyer before their reservation runs out (<c>Notifications:ReservationReminderBefore</c>).
/// It is keyed by reservation, so setting it again moves it (a waitlist reservation's window starts when its buyer is
/// told). It is not cancelled when the reservation is confirmed or ends: RemindReservation looks at the reservation
/// when it fires and stays silent unless it still runs out.
/// </summary>
public sealed class ReservationReminders(ITimerStore timers, IOptions<NotificationsOptions> options)
{
    public static string TimerKey(string reservationId) => $"reservation-reminder:{reservationId}";

    public Task ScheduleAsync(IWriteScope scope, string reservationId, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var dueAt = expiresAt - options.Value.ReservationReminderBefore;
        if (dueAt <= scope.Now)
        {
            return Task.CompletedTask; // a window shorter than the reminder lead: the reservation notice itself says when it runs out
        }

        var due = DomainEventPublishing.Envelope(new Domain.Events.ReservationReminderDue(reservationId, expiresAt), scope.Now);
        return timers.ScheduleAsync(scope, new ScheduledTimer(TimerKey(reservationId), dueAt, due.ToJson()));
    }
}
