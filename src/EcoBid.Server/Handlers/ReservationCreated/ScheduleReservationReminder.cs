using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Notifications;
using EcoBid.Server.Reservations;

namespace EcoBid.Server.Handlers.ReservationCreated;

/// <summary>
/// Sets the timer that reminds the buyer before their reservation runs out. It reads the reservation's current end
/// rather than the event's: a waitlist reservation's window may have moved already (NotifyReservationParties).
/// </summary>
public sealed class ScheduleReservationReminder(ReservationReminders reminders) : IEventHandler
{
    public const string Target = "ScheduleReservationReminder";

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(scope);
        var created = envelope.Read<Domain.Events.ReservationCreated>();
        var reservation = await ReservationStore.FindAsync(scope.Connection, created.ReservationId, scope.Transaction);
        if (reservation is null || reservation.Status != Domain.Reservations.ReservationStatus.Active)
        {
            return;
        }

        await reminders.ScheduleAsync(scope, reservation.Id, DateTimeOffset.FromUnixTimeMilliseconds(reservation.ExpiresAt));
    }
}
