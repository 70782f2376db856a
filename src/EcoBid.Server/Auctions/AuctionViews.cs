using System.Data.Common;
using System.Security.Claims;
using Dapper;
using EcoBid.Domain.Auctions;
using Microsoft.IdentityModel.JsonWebTokens;

namespace EcoBid.Server.Auctions;

/// <summary>Builds the <c>auction</c> section of item responses, for one item (with the viewer's own figures) or a page of them.</summary>
public static class AuctionViews
{
    /// <summary>Past the effective end, before the close has committed (milliseconds, normally).</summary>
    public const string Closing = "closing";

    /// <summary>The signed-in user's id, or null for an anonymous request.</summary>
    public static string? ViewerId(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true ? user.FindFirst(JwtRegisteredClaimNames.Sub)?.Value : null;

    public static async Task<AuctionView?> ForItemAsync(DbConnection connection, string itemId, string? viewerId, DateTimeOffset now)
    {
        var auction = await AuctionStore.ForItemAsync(connection, itemId);
        if (auction is null)
        {
            return null;
        }

        long? yourMax = null;
        if (viewerId is not null)
        {
            yourMax = await connection.ExecuteScalarAsync<long?>(
                "SELECT max_amount FROM auction_bidders WHERE auction_id = @auctionId AND bidder_id = @viewerId", new { auctionId = auction.Id, viewerId });
        }

        return From(auction, viewerId, yourMax, now);
    }

    /// <summary>The latest auction of each item (no viewer figures), keyed by item id.</summary>
    public static async Task<IReadOnlyDictionary<string, AuctionView>> ForItemsAsync(DbConnection connection, IReadOnlyCollection<string> itemIds, DateTimeOffset now)
    {
        var auctions = await AuctionStore.ForItemsAsync(connection, itemIds);
        return auctions.ToDictionary(a => a.Key, a => From(a.Value, null, null, now), StringComparer.Ordinal);
    }

    public static AuctionView From(AuctionRecord auction, string? viewerId, long? yourMax, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(auction);
        var state = auction.ToState();
        var isSeller = viewerId == auction.SellerId;
        var isOpen = AuctionBook.IsOpenAt(state, now);
        var status = auction.Status == AuctionStatus.Open && !isOpen ? Closing : auction.Status;
        var result = auction.Status == AuctionStatus.Ended
            ? new AuctionResultView(
                auction.Sold == true, auction.WinningBid, Time(auction.ClosedAt), viewerId is null ? null : auction.WinnerId == viewerId,
                isSeller || (viewerId is not null && auction.WinnerId == viewerId) ? auction.ReservationId : null)
            : null;
        return new AuctionView(
            auction.Id,
            status,
            auction.Currency,
            auction.StartPrice,
            auction.CurrentPrice,
            isOpen ? AuctionBook.MinimumBid(state) : null,
            auction.BidCount,
            auction.BidderCount,
            auction.ReservePrice is not null,
            auction.ReservePrice is null ? null : state.ReserveMet,
            isSeller ? auction.ReservePrice : null,
            AuctionBook.BuyNowOffered(state, now) ? auction.BuyNowPrice : null,
            state.StartsAt,
            state.EffectiveEnd,
            state.OriginalEnd,
            new SoftCloseView((long)state.Terms.SoftClose.Window.TotalSeconds, (long)state.Terms.SoftClose.MaxExtension.TotalSeconds),
            [.. state.Terms.Increments.Steps.Select(s => new IncrementStepView(s.From, s.Increment))],
            yourMax,
            yourMax is null ? null : auction.LeaderId == viewerId,
            result);
    }

    private static DateTimeOffset? Time(long? ms) => ms is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;
}
