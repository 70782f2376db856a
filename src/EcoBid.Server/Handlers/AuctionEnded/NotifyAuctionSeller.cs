using EcoBid.Domain.Auctions;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Events;
using EcoBid.Server.Notifications;
using EcoBid.Server.Reservations;

namespace EcoBid.Server.Handlers.AuctionEnded;

/// <summary>
/// The seller hears how their auction ended: sold, at what price, to whom, with the pickup reservation; or unsold, and
/// why (<c>no_bids</c>, or <c>reserve_not_met</c> with the highest bid).
/// </summary>
public sealed class NotifyAuctionSeller(Notifier notifier) : IEventHandler
{
    public const string Target = "NotifyAuctionSeller";

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(scope);
        var ended = envelope.Read<Domain.Events.AuctionEnded>();
        var item = await Lookups.ItemTitleAsync(scope, ended.ItemId);
        var locale = await Lookups.LocaleAsync(scope, ended.SellerId);
        NotificationText text;
        object data;
        if (ended.Sold && ended.WinnerId is { } winnerId && ended.WinningBid is { } amount)
        {
            var reservation = ended.ReservationId is { } id ? await ReservationStore.FindAsync(scope.Connection, id, scope.Transaction) : null;
            var pickupBy = reservation is null ? ended.EndedAt : DateTimeOffset.FromUnixTimeMilliseconds(reservation.ExpiresAt);
            var winner = await Lookups.DisplayNameAsync(scope, winnerId);
            text = NotificationTexts.AuctionSold(item, MoneyText.Format(amount, ended.Currency, locale), winner, pickupBy);
            data = new { ended.AuctionId, ended.ItemId, Outcome = "sold", WinningBid = amount, ended.Currency, WinnerId = winnerId, WinnerName = winner, ended.ReservationId, PickupBy = pickupBy };
        }
        else
        {
            var reason = ended.UnsoldReason ?? (ended.TotalBids == 0 ? AuctionUnsoldReasons.NoBids : AuctionUnsoldReasons.ReserveNotMet);
            var topBid = await scope.QueryFirstPreparedAsync<long?>("SELECT current_price FROM auctions WHERE id = @id", ("@id", ended.AuctionId));
            text = NotificationTexts.AuctionNotSold(item, reason, topBid is { } top ? MoneyText.Format(top, ended.Currency, locale) : null);
            data = new { ended.AuctionId, ended.ItemId, Outcome = "unsold", Reason = reason, TopBid = topBid, ended.Currency };
        }

        await notifier.NotifyAsync(scope, new NotificationRequest(
            ended.SellerId, NotificationKinds.AuctionResult, text.Title, text.Body, data,
            envelope.Id, NotificationRequest.KeyFor(NotificationKinds.AuctionResult, envelope.Id, ended.SellerId)));
    }
}
