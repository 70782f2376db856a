using EcoBid.Domain.Reservations;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Notifications;
using EcoBid.Server.Reservations;

namespace EcoBid.Server.Handlers.ReservationReminderDue;

/// <summary>The reminder timer fired: remind the buyer, if the reservation is still active and still runs out.</summary>
public sealed class RemindReservation(Notifier notifier) : IEventHandler
{
    public const string Target = "RemindReservation";

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(scope);
        var due = envelope.Read<Domain.Events.ReservationReminderDue>();
        var reservation = await ReservationStore.FindAsync(scope.Connection, due.ReservationId, scope.Transaction);
        if (reservation is null || reservation.Status != ReservationStatus.Active || reservation.ExpiresAt <= scope.Now.ToUnixTimeMilliseconds())
        {
            return;
        }

        var expiresAt = DateTimeOffset.FromUnixTimeMilliseconds(reservation.ExpiresAt);
        var text = NotificationTexts.ReservationExpiring(await Lookups.ItemTitleAsync(scope, reservation.ItemId), expiresAt);
        await notifier.NotifyAsync(scope, new NotificationRequest(
            reservation.BuyerId, NotificationKinds.ReservationExpiring, text.Title, text.Body,
            new { ReservationId = reservation.Id, reservation.ItemId, ExpiresAt = expiresAt },
            envelope.Id, $"{NotificationKinds.ReservationExpiring}:{reservation.Id}"));
    }
}
