using EcoBid.Domain.Events;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Events.Timers;
using EcoBid.Server.Events;
using EcoBid.Server.Notifications;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Handlers.ReservationCreated;

/// <summary>
/// Sets the timer that reminds the buyer before their reservation runs out (<c>Notifications:ReservationReminderBefore</c>).
/// The timer is not cancelled when the reservation is confirmed or ends: RemindReservation looks at the reservation
/// when it fires and stays silent unless it still runs out, which keeps the reservation code free of reminders.
/// </summary>
public sealed class ScheduleReservationReminder(ITimerStore timers, IOptions<NotificationsOptions> options) : IEventHandler
{
    public const string Target = "ScheduleReservationReminder";

    public static string TimerKey(string reservationId) => $"reservation-reminder:{reservationId}";

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var created = envelope.Read<Domain.Events.ReservationCreated>();
        var dueAt = created.ExpiresAt - options.Value.ReservationReminderBefore;
        if (dueAt <= scope.Now)
        {
            return; // a window shorter than the reminder lead: the reservation notice itself says when it runs out
        }

        var due = DomainEventPublishing.Envelope(new Domain.Events.ReservationReminderDue(created.ReservationId, created.ExpiresAt), scope.Now);
        await timers.ScheduleAsync(scope, new ScheduledTimer(TimerKey(created.ReservationId), dueAt, due.ToJson()));
    }
}
