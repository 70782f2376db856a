using Dapper;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Notifications;
using EcoBid.Server.Reservations;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Handlers.Scheduled;

/// <summary>
/// The PickupReminders schedule (mornings and evenings, Warsaw time): reminds both sides of every pickup that was
/// agreed (confirmed) and not yet completed, for <c>Notifications:PickupReminderPeriod</c> after the confirmation.
/// Once per run per person: the run's event id is in the dedupe key.
/// </summary>
public sealed class SendPickupReminders(Notifier notifier, IOptions<NotificationsOptions> options) : IEventHandler
{
    public const string Target = "PickupReminders";
    private const int MaxPerRun = 1000;

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(scope);
        var due = await scope.Connection.QueryAsync<ReservationRecord>(
            """
            SELECT id, item_id, buyer_id, seller_id, status, reserved_at, expires_at FROM reservations
            WHERE status = 'confirmed' AND confirmed_at >= @since ORDER BY confirmed_at LIMIT @max
            """,
            new { since = (scope.Now - options.Value.PickupReminderPeriod).ToUnixTimeMilliseconds(), max = MaxPerRun },
            scope.Transaction);
        foreach (var reservation in due)
        {
            var item = await Lookups.ItemTitleAsync(scope, reservation.ItemId);
            foreach (var (userId, asGiver) in new[] { (reservation.BuyerId, false), (reservation.SellerId, true) })
            {
                var text = NotificationTexts.PickupReminder(item, asGiver);
                await notifier.NotifyAsync(scope, new NotificationRequest(
                    userId, NotificationKinds.PickupReminder, text.Title, text.Body, new { ReservationId = reservation.Id, reservation.ItemId },
                    envelope.Id, NotificationRequest.KeyFor(NotificationKinds.PickupReminder, envelope.Id, $"{userId}:{reservation.Id}")));
            }
        }
    }
}
