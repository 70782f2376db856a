using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Notifications;

namespace EcoBid.Server.Handlers.AuctionEnded;

/// <summary>The seeds' NotifyWinner: the highest bidder of a sold auction hears that they won, and at what price.</summary>
public sealed class NotifyWinner(Notifier notifier) : IEventHandler
{
    public const string Target = "NotifyWinner";

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var ended = envelope.Read<Domain.Events.AuctionEnded>();
        if (!ended.Sold || ended.WinnerId is not { } winnerId)
        {
            return;
        }

        var text = NotificationTexts.AuctionWon(await Lookups.ItemTitleAsync(scope, ended.ItemId), ended.WinningBid);
        await notifier.NotifyAsync(scope, new NotificationRequest(
            winnerId, NotificationKinds.AuctionWon, text.Title, text.Body, new { ended.AuctionId, ended.ItemId, ended.WinningBid },
            envelope.Id, NotificationRequest.KeyFor(NotificationKinds.AuctionWon, envelope.Id, winnerId)));
    }
}
