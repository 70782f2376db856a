using System.Data.Common;
using Dapper;
using EcoBid.Domain.Events;
using EcoBid.Domain.Items;
using EcoBid.Domain.Reservations;
using EcoBid.Events.Storage;
using EcoBid.Events.Timers;
using EcoBid.Server.Events;
using EcoBid.Server.Items;

namespace EcoBid.Server.Reservations;

/// <summary>The reservation steps shared by the endpoints and the handlers, each inside the caller's transaction.</summary>
public sealed class ReservationStore(ITimerStore timers)
{
    private const string Columns = "id, item_id, buyer_id, seller_id, status, reserved_at, expires_at, confirmed_at, buyer_completed_at, completed_at, cancelled_at, cancelled_by, cancel_reason, expired_at, origin, notified_at";

    public static string ExpiryTimerKey(string reservationId) => $"reservation-expiry:{reservationId}";

    public static Task<ReservationRecord?> FindAsync(DbConnection connection, string id, DbTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<ReservationRecord>($"SELECT {Columns} FROM reservations WHERE id = @id", new { id }, transaction);

    public static async Task<IReadOnlyList<ReservationRecord>> ForUserAsync(DbConnection connection, string userId, int limit) =>
        (await connection.QueryAsync<ReservationRecord>(
            $"SELECT {Columns} FROM reservations WHERE buyer_id = @userId OR seller_id = @userId ORDER BY reserved_at DESC LIMIT @limit",
            new { userId, limit })).AsList();

    /// <summary>The free items the buyer holds: auction pickups do not count toward the free-item limit.</summary>
    public static Task<int> CountHoldingAsync(IWriteScope scope, string buyerId) =>
        scope.Connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM reservations WHERE buyer_id = @buyerId AND status IN ('active', 'confirmed') AND origin <> 'auction'", new { buyerId }, scope.Transaction);

    /// <summary>Reserves the item for the buyer: the reservation, the item's new status, the expiry timer and ReservationCreated.</summary>
    public async Task<ReservationRecord> CreateAsync(IWriteScope scope, ItemRecord item, string buyerId, TimeSpan window, string origin)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(item);
        var now = scope.Now;
        var reservation = new ReservationRecord
        {
            Id = Guid.CreateVersion7(now).ToString(),
            ItemId = item.Id,
            BuyerId = buyerId,
            SellerId = item.SellerId!,
            Status = ReservationStatus.Active,
            ReservedAt = now.ToUnixTimeMilliseconds(),
            ExpiresAt = now.Add(window).ToUnixTimeMilliseconds(),
            Origin = origin,
        };
        await scope.Connection.ExecuteAsync(
            "INSERT INTO reservations (id, item_id, buyer_id, seller_id, status, reserved_at, expires_at, origin) VALUES (@Id, @ItemId, @BuyerId, @SellerId, @Status, @ReservedAt, @ExpiresAt, @Origin)",
            reservation,
            scope.Transaction);
        await SetItemStatusAsync(scope, item.Id, ItemStatus.Reserved);
        await scope.Connection.ExecuteAsync("DELETE FROM waitlist WHERE item_id = @ItemId AND user_id = @BuyerId", reservation, scope.Transaction);
        var expiresAt = now.Add(window);
        await ScheduleExpiryAsync(scope, reservation.Id, expiresAt);
        await scope.PublishAsync(new ReservationCreated(reservation.Id, item.Id, buyerId, reservation.SellerId, now, expiresAt, origin));
        return reservation;
    }

    /// <summary>Sets (or moves) the timer that expires the reservation at <paramref name="expiresAt"/> unless confirmed.</summary>
    public Task ScheduleExpiryAsync(IWriteScope scope, string reservationId, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var due = DomainEventPublishing.Envelope(new ReservationExpiryDue(reservationId, expiresAt), scope.Now);
        return timers.ScheduleAsync(scope, new ScheduledTimer(ExpiryTimerKey(reservationId), expiresAt, due.ToJson()));
    }

    /// <summary>
    /// The reservation stopped holding the item (cancelled or expired): the next person on the waitlist who may take
    /// it is offered it as a new reservation; with nobody waiting the item is available again. An auction item whose
    /// pickup fell through is not offered to anyone: it has ended, and its seller may auction it again.
    /// </summary>
    public async Task<ReservationRecord?> ReleaseItemAsync(IWriteScope scope, string itemId, TimeSpan window, int maxActivePerUser)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var item = (await ItemStore.FindAsync(scope.Connection, itemId, scope.Transaction))!;
        if (item.Mode == ItemMode.Auction)
        {
            await SetItemStatusAsync(scope, itemId, ItemStatus.Ended);
            return null;
        }

        await SetItemStatusAsync(scope, itemId, ItemStatus.Available);
        item = item with { Status = ItemStatus.Available };
        var waiting = await scope.Connection.QueryAsync<string>(
            "SELECT user_id FROM waitlist WHERE item_id = @itemId ORDER BY joined_at, user_id", new { itemId }, scope.Transaction);
        foreach (var userId in waiting)
        {
            if (await Messaging.Blocks.RefusalAsync(scope, userId, item.SellerId!) is null
                && ReservationRules.CanReserve(item.Mode, item.Status, item.SellerId!, userId, await CountHoldingAsync(scope, userId), maxActivePerUser) is null)
            {
                return await CreateAsync(scope, item, userId, window, ReservationOrigin.Waitlist);
            }
        }

        return null;
    }

    /// <summary>Records that a waitlist reservation's buyer was told, and starts their window now.</summary>
    public static Task MarkNotifiedAsync(IWriteScope scope, string reservationId, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Connection.ExecuteAsync(
            "UPDATE reservations SET notified_at = @now, expires_at = @expiresAt WHERE id = @reservationId",
            new { now = scope.Now.ToUnixTimeMilliseconds(), expiresAt = expiresAt.ToUnixTimeMilliseconds(), reservationId },
            scope.Transaction);
    }

    public Task CancelExpiryAsync(IWriteScope scope, string reservationId) => timers.CancelAsync(scope, ExpiryTimerKey(reservationId));

    public static Task SetItemStatusAsync(IWriteScope scope, string itemId, string status)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Connection.ExecuteAsync(
            "UPDATE items SET status = @status, updated_at = @now WHERE id = @itemId",
            new { status, now = scope.Now.ToUnixTimeMilliseconds(), itemId },
            scope.Transaction);
    }
}
