using Dapper;
using EcoBid.Domain.Events;
using EcoBid.Domain.Reservations;
using EcoBid.Events.Storage;
using EcoBid.Server.Events;
using EcoBid.Server.Storage;

namespace EcoBid.Server.Reservations;

/// <summary>
/// Expires an unconfirmed reservation whose window is over: a no-show against the buyer, ReservationExpired, and the
/// item to the next in line. Shared by the per-reservation timer and the hourly safety-net sweep. A reservation the
/// waitlist gave someone who was never told of it (their notice was not delivered in the whole window) lapses without
/// a no-show: nobody is marked for missing a pickup they did not know about.
/// </summary>
public static class ReservationExpiry
{
    /// <summary>Whether the reservation's lapse counts against its buyer: not when the waitlist gave it to someone never told of it.</summary>
    public static bool CountsAsNoShow(ReservationRecord reservation)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        return reservation.Origin != ReservationOrigin.Waitlist || reservation.NotifiedAt is not null;
    }

    /// <returns>Whether the reservation expired now (false when it was confirmed, cancelled, completed or expired before).</returns>
    public static async Task<bool> ExpireAsync(IWriteScope scope, ReservationStore store, ReservationsOptions options, string reservationId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        var reservation = await ReservationStore.FindAsync(scope.Connection, reservationId, scope.Transaction);
        if (reservation is not null)
        {
            // The item is handed to the next in line: its lock first, then the reservation as it stands now.
            await AggregateLocks.ItemAsync(scope, reservation.ItemId);
            reservation = await ReservationStore.FindAsync(scope.Connection, reservationId, scope.Transaction);
        }

        if (reservation is null || reservation.Status != ReservationStatus.Active || reservation.ExpiresAt > scope.Now.ToUnixTimeMilliseconds())
        {
            return false;
        }

        var noShow = CountsAsNoShow(reservation);
        await scope.Connection.ExecuteAsync(
            "UPDATE reservations SET status = @expired, expired_at = @now WHERE id = @Id; UPDATE users SET no_shows = no_shows + @count WHERE id = @BuyerId",
            new { expired = ReservationStatus.Expired, now = scope.Now.ToUnixTimeMilliseconds(), reservation.Id, reservation.BuyerId, count = noShow ? 1 : 0 },
            scope.Transaction);
        await store.CancelExpiryAsync(scope, reservation.Id);
        await scope.PublishAsync(new ReservationExpired(reservation.Id, reservation.ItemId, reservation.BuyerId, reservation.SellerId, scope.Now, noShow));
        await store.ReleaseItemAsync(scope, reservation.ItemId, options.Window, options.MaxActivePerUser);
        return true;
    }
}
