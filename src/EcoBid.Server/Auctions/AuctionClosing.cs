using Dapper;
using EcoBid.Domain.Auctions;
using EcoBid.Domain.Events;
using EcoBid.Domain.Items;
using EcoBid.Domain.Reservations;
using EcoBid.Events.Storage;
using EcoBid.Server.Events;
using EcoBid.Server.Items;
using EcoBid.Server.Reservations;
using EcoBid.Server.Storage;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Auctions;

/// <summary>
/// Closes an auction at its effective end: the end timer, the AuctionEndCheck sweep and buy-now all come here. A sale
/// hands the item to the winner as a pickup reservation (item reserved, the 24 h pickup window, ReservationCreated);
/// AuctionEnded, then AuctionWon to the winner and AuctionLost to every other bidder, commit with it.
/// </summary>
public sealed class AuctionClosing(AuctionStore auctions, ReservationStore reservations, IOptions<ReservationsOptions> options)
{
    /// <summary>Closes the auction if its effective end has come; false if it is not due (the end moved) or closed already.</summary>
    public async Task<bool> CloseIfDueAsync(IWriteScope scope, string auctionId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var auction = await AuctionStore.FindAsync(scope.Connection, auctionId, scope.Transaction);
        if (auction is not null)
        {
            // A late bid or a buy-now may be deciding on the same auction: its item's lock, then the auction as it stands.
            await AggregateLocks.ItemAsync(scope, auction.ItemId);
            auction = await AuctionStore.FindAsync(scope.Connection, auctionId, scope.Transaction);
        }

        if (auction is null || AuctionBook.Close(auction.ToState(), AuctionTime.Of(scope.Now)) is not { } result)
        {
            return false;
        }

        await CloseAsync(scope, auction, result, boughtNow: false);
        return true;
    }

    /// <summary>Records the result decided by <see cref="AuctionBook.Close"/> and publishes what follows from it.</summary>
    public async Task CloseAsync(IWriteScope scope, AuctionRecord auction, AuctionResult result, bool boughtNow)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(auction);
        ArgumentNullException.ThrowIfNull(result);
        var closed = result.Closed;
        var endedAt = closed.EffectiveEnd;
        string? reservationId = null;
        if (result.Sold)
        {
            var item = await ItemStore.FindAsync(scope.Connection, auction.ItemId, scope.Transaction)
                ?? throw new InvalidOperationException($"Auction {auction.Id} names item {auction.ItemId}, which does not exist.");
            reservationId = (await reservations.CreateAsync(scope, item, result.WinnerId!, options.Value.Window, ReservationOrigin.Auction)).Id;
        }
        else
        {
            // Unsold: the item leaves the listings until its seller auctions it again.
            await ReservationStore.SetItemStatusAsync(scope, auction.ItemId, ItemStatus.Ended);
        }

        await scope.Connection.ExecuteAsync(
            """
            UPDATE auctions SET status = @Status, closed_at = @now, sold = @sold, winner_id = @WinnerId, winning_bid = @WinningBid, reservation_id = @reservationId
            WHERE id = @id
            """,
            new { closed.Status, now = scope.Now.ToUnixTimeMilliseconds(), sold = result.Sold ? 1 : 0, result.WinnerId, result.WinningBid, reservationId, id = auction.Id },
            scope.Transaction);
        await auctions.CancelEndTimerAsync(scope, auction.Id);
        await scope.PublishAsync(new AuctionEnded(
            auction.Id, auction.ItemId, result.WinnerId, result.WinningBid, closed.BidCount, result.Sold, endedAt, auction.SellerId, auction.Currency,
            result.Sold ? null : result.ReserveUnmet ? AuctionUnsoldReasons.ReserveNotMet : AuctionUnsoldReasons.NoBids,
            reservationId));
        if (result.Sold)
        {
            await scope.PublishAsync(new AuctionWon(
                auction.Id, auction.ItemId, result.WinnerId!, auction.SellerId, result.WinningBid!.Value, auction.Currency, reservationId!, boughtNow, endedAt));
        }

        var reason = result.Sold ? "outbid" : AuctionUnsoldReasons.ReserveNotMet;
        var losers = await scope.Connection.QueryAsync<(string BidderId, long MaxAmount)>(
            "SELECT bidder_id, max_amount FROM auction_bidders WHERE auction_id = @id ORDER BY alias", new { id = auction.Id }, scope.Transaction);
        foreach (var (bidderId, maxAmount) in losers.Where(l => l.BidderId != result.WinnerId))
        {
            await scope.PublishAsync(new AuctionLost(auction.Id, auction.ItemId, bidderId, maxAmount, result.WinningBid, auction.Currency, reason, endedAt, bidderId == closed.LeaderId));
        }
    }
}
