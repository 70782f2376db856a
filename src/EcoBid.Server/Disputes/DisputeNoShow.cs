using Dapper;
using EcoBid.Domain.Reservations;
using EcoBid.Events.Storage;
using EcoBid.Server.Reservations;
using EcoBid.Server.Storage;

namespace EcoBid.Server.Disputes;

/// <summary>
/// A seller's <c>no_show</c> claim decided for the seller counts against the buyer the way a lapsed reservation does
/// (<see cref="ReservationExpiry"/>: one more on <c>users.no_shows</c>), once per reservation: not again when the
/// reservation already lapsed as a no-show, nor when an earlier dispute on it was decided the same way.
/// </summary>
public static class DisputeNoShow
{
    public const string Type = "no_show";

    public static bool Applies(DisputeRecord dispute, string outcome)
    {
        ArgumentNullException.ThrowIfNull(dispute);
        return dispute.Type == Type && dispute.OpenedBy == DisputeRoles.Seller && outcome == DisputeRoles.Seller;
    }

    /// <summary>Records the buyer's no-show inside the resolving transaction; false when the reservation already has one.</summary>
    public static async Task<bool> RecordAsync(IWriteScope scope, DisputeRecord dispute)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(dispute);

        // Two claims on one pickup decided at once must count one no-show between them (dispute before reservation).
        await AggregateLocks.ReservationAsync(scope, dispute.ReservationId);
        if (await RecordedOnThisReservationAsync(scope, dispute))
        {
            return false;
        }

        await scope.Connection.ExecuteAsync("UPDATE users SET no_shows = no_shows + 1 WHERE id = @BuyerId", new { dispute.BuyerId }, scope.Transaction);
        return true;
    }

    /// <summary>
    /// The buyer's no-shows on record from other pickups: <c>users.no_shows</c> (lapsed reservations and claims decided
    /// for a seller alike) without the one this dispute's reservation may already have put there.
    /// </summary>
    public static async Task<long> EarlierNoShowsAsync(IWriteScope scope, DisputeRecord dispute)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(dispute);
        var total = await scope.Connection.ExecuteScalarAsync<long>("SELECT no_shows FROM users WHERE id = @BuyerId", new { dispute.BuyerId }, scope.Transaction);
        return total - (await RecordedOnThisReservationAsync(scope, dispute) ? 1 : 0);
    }

    /// <summary>Whether this reservation already counts as a no-show: it lapsed as one, or an earlier claim on it was won.</summary>
    private static async Task<bool> RecordedOnThisReservationAsync(IWriteScope scope, DisputeRecord dispute)
    {
        var reservation = await ReservationStore.FindAsync(scope.Connection, dispute.ReservationId, scope.Transaction);
        if (reservation is { Status: ReservationStatus.Expired } && ReservationExpiry.CountsAsNoShow(reservation))
        {
            return true;
        }

        return await scope.Connection.ExecuteScalarAsync<bool>(
            """
            SELECT EXISTS (SELECT 1 FROM disputes WHERE reservation_id = @ReservationId AND id <> @Id
                AND type = @type AND opened_by = @seller AND status = 'resolved' AND outcome = @seller)
            """,
            new { dispute.ReservationId, dispute.Id, type = Type, seller = DisputeRoles.Seller },
            scope.Transaction);
    }
}
