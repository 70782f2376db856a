using System.Data.Common;
using System.Security.Claims;
using Dapper;
using EcoBid.Domain.Auctions;
using EcoBid.Events.Storage;
using EcoBid.Server.Items;
using EcoBid.Server.Messaging;

namespace EcoBid.Server.Auctions;

/// <summary>
/// What a bid decides on, read in one statement under the item's lock: the answer already stored for the bidder's
/// idempotency key, the item's open auction, the item's moderation and seller (who may see it), and a block either way
/// between bidder and seller. On PostgreSQL each read is a round trip while the hot auction's lock is held, so four
/// become one; the rules stay with their owners (<see cref="ItemVisibility"/>, <see cref="Blocks"/>).
/// </summary>
public sealed record BidContext(StoredRequest? Stored, AuctionRecord? OpenAuction, string? Moderation, string? ItemSellerId, string? BlockDirection)
{
    private const int AuctionColumns = 5;

    // The auction's columns come last, from AuctionStore's list, so Dapper maps them from a fixed offset.
    private static readonly string Sql = $"""
        SELECT r.request, r.response, i.moderation, i.seller_id,
               ({Blocks.DirectionSql("a.seller_id", "@userId")}),
               {AuctionStore.ColumnsOf("a")}
        FROM (SELECT 1 AS one) AS o
        LEFT JOIN auction_requests r ON r.user_id = @userId AND r.idempotency_key = @key
        LEFT JOIN items i ON i.id = @itemId
        LEFT JOIN auctions a ON a.item_id = @itemId AND a.status = '{AuctionStatus.Open}'
        """;

    public static async Task<BidContext> ReadAsync(IWriteScope scope, string itemId, string bidderId, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return await WriterCommands.FirstOrDefaultAsync(scope, Sql, RowReader, ("@userId", bidderId), ("@key", idempotencyKey), ("@itemId", itemId))
            ?? throw new InvalidOperationException("The bid context query returned no row.");
    }

    /// <summary>Hidden as <see cref="ItemVisibility.IsHiddenFrom(string, string?, ClaimsPrincipal?)"/> says; an item that does not exist is not hidden.</summary>
    public bool IsItemHiddenFrom(ClaimsPrincipal viewer) => Moderation is { } moderation && ItemVisibility.IsHiddenFrom(moderation, ItemSellerId, viewer);

    private static Func<DbDataReader, BidContext> RowReader(DbDataReader first)
    {
        var auction = first.GetRowParser<AuctionRecord?>(startIndex: AuctionColumns, returnNullIfFirstMissing: true);
        return reader => new BidContext(
            reader.IsDBNull(0) ? null : new StoredRequest(reader.GetString(0), reader.GetString(1)),
            auction(reader),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4));
    }
}
