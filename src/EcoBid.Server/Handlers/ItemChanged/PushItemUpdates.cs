using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Events;
using EcoBid.Server.Live;

namespace EcoBid.Server.Handlers.ItemChanged;

/// <summary>
/// Pushes what happens to an item (a bid, a moved auction end, a changed or withdrawn listing, an auction's end) to
/// the live connections watching it. Nothing is stored: watching is live only, and a client that reconnects reads
/// the item again. Watchers see bidders as the bid history shows them ("bidder 3"), never their ids; a bidder's own
/// figures (whether they lead, their maximum, whether they won) go only to that bidder's connections. Of a
/// reservation or waitlist change watchers get the item id alone, and the people in line their own place.
/// </summary>
public sealed class PushItemUpdates(ILiveFanout fanout) : IEventHandler
{
    public const string Target = "PushItemUpdates";

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(scope);
        if (!envelope.Detail.TryGetProperty("itemId", out var id) || id.GetString() is not { } itemId)
        {
            return;
        }

        var (detail, perUser) = envelope.DetailType switch
        {
            "BidPlaced" => await BidAsync(envelope, scope),
            "AuctionEnded" => await EndAsync(envelope, scope),
            // A reservation or waitlist change says who reserved or waits: watchers learn only that the line moved;
            // the people in line get their own place, the holder that it is theirs.
            _ when envelope.Source == Domain.Events.EventSources.Reservations => await LineAsync(envelope, scope, itemId),
            _ => ((object)envelope.Detail, null),
        };
        var frame = LiveFrames.ItemEvent(itemId, envelope.DetailType, detail, envelope.Time);
        var own = perUser?.ToDictionary(p => p.Key, p => (LiveFrame?)LiveFrames.ItemEvent(itemId, envelope.DetailType, p.Value, envelope.Time), StringComparer.Ordinal);
        scope.OnCommitted(() => fanout.ToWatchers(itemId, frame, own));
    }

    private static async Task<(object Detail, Dictionary<string, object>? PerUser)> BidAsync(EventEnvelope envelope, IWriteScope scope)
    {
        var bid = envelope.Read<Domain.Events.BidPlaced>();
        var bidders = await BiddersAsync(scope, bid.AuctionId, [bid.BidderId, bid.LeaderId, bid.PreviousLeaderId]);
        var shown = new BidShown(
            bid.AuctionId, bid.ItemId, bid.BidId, Alias(bidders, bid.BidderId), bid.CurrentPrice, Alias(bidders, bid.LeaderId), bid.BidCount,
            bid.PlacedAt, bid.Currency, bid.EndsAt);
        var perUser = bidders.ToDictionary(
            b => b.Key,
            b => (object)(shown with { YouLead = b.Key == bid.LeaderId, YourMaximum = b.Value.MaxAmount }),
            StringComparer.Ordinal);
        return (shown, perUser);
    }

    private static async Task<(object Detail, Dictionary<string, object>? PerUser)> EndAsync(EventEnvelope envelope, IWriteScope scope)
    {
        var ended = envelope.Read<Domain.Events.AuctionEnded>();
        var bidders = await BiddersAsync(scope, ended.AuctionId, [ended.WinnerId]);
        var shown = new EndShown(
            ended.AuctionId, ended.ItemId, ended.Sold, ended.WinningBid, Alias(bidders, ended.WinnerId), ended.TotalBids, ended.EndedAt, ended.Currency,
            ended.UnsoldReason);
        Dictionary<string, object>? perUser = ended.WinnerId is { } winner && ended.Sold
            ? new(StringComparer.Ordinal) { [winner] = shown with { YouWon = true, ReservationId = ended.ReservationId } }
            : null;
        return (shown, perUser);
    }

    private static async Task<(object Detail, Dictionary<string, object>? PerUser)> LineAsync(EventEnvelope envelope, IWriteScope scope, string itemId)
    {
        // The same order as GET /items/{id}/waitlist: time joined, then user id.
        var places = await Dapper.SqlMapper.QueryAsync<(string UserId, long Place)>(
            scope.Connection,
            "SELECT user_id, ROW_NUMBER() OVER (ORDER BY joined_at, user_id) FROM waitlist WHERE item_id = @itemId",
            new { itemId },
            scope.Transaction);
        var holder = await Dapper.SqlMapper.ExecuteScalarAsync<string?>(
            scope.Connection,
            "SELECT buyer_id FROM reservations WHERE item_id = @itemId AND status IN ('active', 'confirmed')",
            new { itemId },
            scope.Transaction);
        var actor = envelope.DetailType is "WaitlistJoined" or "WaitlistLeft" && envelope.Detail.TryGetProperty("userId", out var who) ? who.GetString() : null;

        var shown = new QueueMoved(itemId);
        var perUser = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (userId, place) in places)
        {
            perUser[userId] = shown with { YourPlace = place };
        }

        if (holder is not null)
        {
            perUser[holder] = shown with { YouHold = true };
        }

        if (actor is not null)
        {
            perUser[actor] = (perUser.GetValueOrDefault(actor) as QueueMoved ?? shown) with { ByYou = true };
        }

        return (shown, perUser);
    }

    private static async Task<Dictionary<string, Bidder>> BiddersAsync(IWriteScope scope, string auctionId, IEnumerable<string?> ids)
    {
        var bidders = new Dictionary<string, Bidder>(StringComparer.Ordinal);
        foreach (var bidderId in ids.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (await scope.QueryFirstPreparedAsync<Bidder>(
                "SELECT alias AS Alias, max_amount AS MaxAmount FROM auction_bidders WHERE auction_id = @auction AND bidder_id = @bidder",
                ("@auction", auctionId),
                ("@bidder", bidderId)) is { } bidder)
            {
                bidders[bidderId] = bidder;
            }
        }

        return bidders;
    }

    private static string? Alias(Dictionary<string, Bidder> bidders, string? bidderId) =>
        bidderId is not null && bidders.TryGetValue(bidderId, out var bidder) ? $"bidder {bidder.Alias}" : null;

    private sealed record Bidder(long Alias, long MaxAmount);

    /// <summary>BidPlaced as watchers see it: aliases for people; <c>youLead</c>/<c>yourMaximum</c> only in a bidder's own frame.</summary>
    private sealed record BidShown(
        string AuctionId, string ItemId, string BidId, string? Bidder, long CurrentPrice, string? Leader, int BidCount, DateTimeOffset PlacedAt,
        string Currency, DateTimeOffset EndsAt)
    {
        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public bool? YouLead { get; init; }

        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public long? YourMaximum { get; init; }
    }

    /// <summary>AuctionEnded as watchers see it: the winner as an alias; <c>youWon</c> and the pickup only in the winner's own frame.</summary>
    private sealed record EndShown(
        string AuctionId, string ItemId, bool Sold, long? WinningBid, string? Winner, int TotalBids, DateTimeOffset EndedAt, string Currency, string? UnsoldReason)
    {
        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public bool? YouWon { get; init; }

        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public string? ReservationId { get; init; }
    }

    /// <summary>
    /// A reservation or waitlist change as watchers see it: that the item's line moved, and nothing of who. A person's
    /// own frame adds their place in line (<c>yourPlace</c>), that the item is theirs (<c>youHold</c>), and whether
    /// they made the change themselves (<c>byYou</c>: their page already shows it).
    /// </summary>
    private sealed record QueueMoved(string ItemId)
    {
        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public long? YourPlace { get; init; }

        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public bool? YouHold { get; init; }

        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public bool? ByYou { get; init; }
    }
}
