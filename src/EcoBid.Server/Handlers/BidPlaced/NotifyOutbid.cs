using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Events;
using EcoBid.Server.Notifications;
using EcoBid.Server.Storage;

namespace EcoBid.Server.Handlers.BidPlaced;

/// <summary>
/// Tells the previous leader of an auction that they were outbid. BidPlaced names only the new leader, so the handler
/// remembers each auction's leader and bid count (<c>auction_leaders</c>); a bid event that arrives after a later one
/// (lower count) changes nothing, since its leader was already displaced.
/// </summary>
public sealed class NotifyOutbid(Notifier notifier) : IEventHandler
{
    public const string Target = "NotifyOutbid";

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(scope);
        var bid = envelope.Read<Domain.Events.BidPlaced>();

        // Handlers of two bids on one auction may run at once (PostgreSQL): the later bid count must win the row. Only
        // this handler writes the row, so it takes a lock of its own rather than the item's, which the bids wait on.
        await AggregateLocks.AuctionLeaderAsync(scope, bid.AuctionId);
        var previous = await scope.QueryFirstPreparedAsync<Leader>(
            "SELECT leader_id AS LeaderId, bid_count AS BidCount FROM auction_leaders WHERE auction_id = @auction", ("@auction", bid.AuctionId));
        if (previous is { } known && known.BidCount >= bid.BidCount)
        {
            return;
        }

        await scope.ExecutePreparedAsync(
            "INSERT INTO auction_leaders (auction_id, leader_id, bid_count) VALUES (@auction, @leader, @count) ON CONFLICT (auction_id) DO UPDATE SET leader_id = excluded.leader_id, bid_count = excluded.bid_count",
            ("@auction", bid.AuctionId),
            ("@leader", bid.LeaderId),
            ("@count", bid.BidCount));
        if (previous is { } displaced && displaced.LeaderId != bid.LeaderId)
        {
            var price = MoneyText.Format(bid.CurrentPrice, bid.Currency, await Lookups.LocaleAsync(scope, displaced.LeaderId));
            var text = NotificationTexts.Outbid(await Lookups.ItemTitleAsync(scope, bid.ItemId), price);
            await notifier.NotifyAsync(scope, new NotificationRequest(
                displaced.LeaderId, NotificationKinds.Outbid, text.Title, text.Body, new { bid.AuctionId, bid.ItemId, bid.CurrentPrice, bid.Currency, bid.BidCount },
                envelope.Id, NotificationRequest.KeyFor(NotificationKinds.Outbid, envelope.Id, displaced.LeaderId)));
        }
    }

    private sealed record Leader(string LeaderId, long BidCount);
}
