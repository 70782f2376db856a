using Dapper;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Events;
using EcoBid.Server.Notifications;

namespace EcoBid.Server.Handlers.AuctionEnded;

/// <summary>
/// The seeds' NotifyLoser: everyone who bid and did not win hears that the auction ended. AuctionEnded does not list
/// the bidders, so this target also receives BidPlaced and remembers each auction's bidders; one queue takes both, in
/// the order they were committed, so every bid is known before its auction's end arrives.
/// </summary>
public sealed class NotifyLoser(Notifier notifier) : IEventHandler
{
    public const string Target = "NotifyLoser";

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(scope);
        if (envelope.DetailType == "BidPlaced")
        {
            var bid = envelope.Read<Domain.Events.BidPlaced>();
            await scope.ExecutePreparedAsync(
                "INSERT INTO auction_notice_bidders (auction_id, bidder_id) VALUES ($auction, $bidder) ON CONFLICT DO NOTHING", ("$auction", bid.AuctionId), ("$bidder", bid.BidderId));
            return;
        }

        var ended = envelope.Read<Domain.Events.AuctionEnded>();
        var losers = (await scope.Connection.QueryAsync<string>(
            "SELECT bidder_id FROM auction_notice_bidders WHERE auction_id = @AuctionId ORDER BY bidder_id", ended, scope.Transaction))
            .Where(bidder => bidder != ended.WinnerId || !ended.Sold)
            .ToList();
        if (losers.Count == 0)
        {
            return;
        }

        var text = NotificationTexts.AuctionLost(await Lookups.ItemTitleAsync(scope, ended.ItemId));
        foreach (var loser in losers)
        {
            await notifier.NotifyAsync(scope, new NotificationRequest(
                loser, NotificationKinds.AuctionLost, text.Title, text.Body, new { ended.AuctionId, ended.ItemId },
                envelope.Id, NotificationRequest.KeyFor(NotificationKinds.AuctionLost, envelope.Id, loser)));
        }
    }
}
