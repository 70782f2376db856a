using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Notifications;

namespace EcoBid.Server.Handlers.ReservationCreated;

/// <summary>The seeds' NotifySeller: tells the giver that someone reserved their item, and by when to confirm.</summary>
public sealed class NotifySeller(Notifier notifier) : IEventHandler
{
    public const string Target = "NotifySeller";

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var created = envelope.Read<Domain.Events.ReservationCreated>();
        var text = NotificationTexts.ReservationCreated(
            await Lookups.DisplayNameAsync(scope, created.BuyerId), await Lookups.ItemTitleAsync(scope, created.ItemId), created.ExpiresAt);
        await notifier.NotifyAsync(scope, new NotificationRequest(
            created.SellerId, NotificationKinds.ReservationCreated, text.Title, text.Body,
            new { created.ReservationId, created.ItemId, created.BuyerId, created.ExpiresAt },
            envelope.Id, NotificationRequest.KeyFor(NotificationKinds.ReservationCreated, envelope.Id, created.SellerId)));
    }
}
