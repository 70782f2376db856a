using EcoBid.Domain.Auctions;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Notifications;

namespace EcoBid.Server.Handlers.AuctionEnded;

/// <summary>
/// The seeds' NotifyLoser: on AuctionLost, a bidder who did not win hears how the auction ended. When someone else won,
/// they hear the price it went for; when nobody did (the reserve was not met), they hear that it ended unsold — the
/// top bidder that their bid led but did not reach the reserve — never that someone else won.
/// </summary>
public sealed class NotifyLoser(Notifier notifier) : IEventHandler
{
    public const string Target = "NotifyLoser";

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(scope);
        var lost = envelope.Read<Domain.Events.AuctionLost>();
        var item = await Lookups.ItemTitleAsync(scope, lost.ItemId);
        var locale = await Lookups.LocaleAsync(scope, lost.BidderId);
        var unsold = lost.Reason == AuctionUnsoldReasons.ReserveNotMet || lost.WinningBid is null;
        var kind = unsold ? NotificationKinds.AuctionUnsold : NotificationKinds.AuctionLost;
        var text = unsold
            ? NotificationTexts.AuctionUnsold(item, lost.WasLeading, MoneyText.Format(lost.YourMaximum, lost.Currency, locale))
            : NotificationTexts.AuctionLost(item, MoneyText.Format(lost.WinningBid!.Value, lost.Currency, locale));
        await notifier.NotifyAsync(scope, new NotificationRequest(
            lost.BidderId, kind, text.Title, text.Body,
            new { lost.AuctionId, lost.ItemId, lost.Reason, lost.WinningBid, lost.YourMaximum, lost.Currency, lost.WasLeading },
            envelope.Id, NotificationRequest.KeyFor(kind, envelope.Id, lost.BidderId)));
    }
}
