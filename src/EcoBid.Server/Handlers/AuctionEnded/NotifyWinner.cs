using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Notifications;
using EcoBid.Server.Reservations;

namespace EcoBid.Server.Handlers.AuctionEnded;

/// <summary>
/// The seeds' NotifyWinner: on AuctionWon, the winner hears that they won, at what price, and that the item is
/// reserved for their pickup (the notice carries the reservation).
/// </summary>
public sealed class NotifyWinner(Notifier notifier) : IEventHandler
{
    public const string Target = "NotifyWinner";

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(scope);
        var won = envelope.Read<Domain.Events.AuctionWon>();
        var reservation = await ReservationStore.FindAsync(scope.Connection, won.ReservationId, scope.Transaction);
        var pickupBy = reservation is null ? won.EndedAt : DateTimeOffset.FromUnixTimeMilliseconds(reservation.ExpiresAt);
        var price = MoneyText.Format(won.Amount, won.Currency, await Lookups.LocaleAsync(scope, won.WinnerId));
        var text = NotificationTexts.AuctionWon(await Lookups.ItemTitleAsync(scope, won.ItemId), price, pickupBy);
        await notifier.NotifyAsync(scope, new NotificationRequest(
            won.WinnerId, NotificationKinds.AuctionWon, text.Title, text.Body,
            new { won.AuctionId, won.ItemId, won.ReservationId, WinningBid = won.Amount, won.Currency, won.BoughtNow, PickupBy = pickupBy },
            envelope.Id, NotificationRequest.KeyFor(NotificationKinds.AuctionWon, envelope.Id, won.WinnerId)));
    }
}
