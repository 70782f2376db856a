using System.Data.Common;
using EcoBid.Server.Identity;
using EcoBid.Server.Items;

namespace EcoBid.Server.Reservations;

/// <summary>Reservations as their reader sees them: with the item's title and thumbnail and the other side's name.</summary>
public static class ReservationViews
{
    public static async Task<List<ReservationResponse>> ForReaderAsync(
        DbConnection connection, IReadOnlyList<ReservationRecord> reservations, string readerId, DbTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(reservations);
        var items = await ItemSummary.ForAsync(connection, reservations.Select(r => r.ItemId), transaction);
        var people = await PersonSummary.ForAsync(connection, reservations.Select(r => Other(r, readerId)), transaction);
        return reservations.Select(r => ReservationResponse.From(r) with
        {
            Item = items.GetValueOrDefault(r.ItemId),
            OtherParty = people.GetValueOrDefault(Other(r, readerId)),
            YourRole = r.SellerId == readerId ? "seller" : "buyer",
        }).ToList();
    }

    public static async Task<ReservationResponse> ForReaderAsync(DbConnection connection, ReservationRecord reservation, string readerId, DbTransaction? transaction = null) =>
        (await ForReaderAsync(connection, [reservation], readerId, transaction))[0];

    private static string Other(ReservationRecord reservation, string readerId) => reservation.SellerId == readerId ? reservation.BuyerId : reservation.SellerId;
}
