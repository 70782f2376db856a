using EcoBid.Domain.Items;

namespace EcoBid.Domain.Reservations;

/// <summary>Who may do what with a free item's reservation. Each returns null when allowed, or why not.</summary>
public static class ReservationRules
{
    /// <param name="buyerActiveReservations">The free items the buyer holds now; auction pickups are not counted.</param>
    public static ReservationRefusal? CanReserve(string itemMode, string itemStatus, string sellerId, string buyerId, int buyerActiveReservations, int maxActiveReservations)
    {
        if (itemMode != ItemMode.Free)
        {
            return new(ReservationRefusal.Kind.NotAllowed, "Only free items are reserved; bid on auction items.");
        }

        if (sellerId == buyerId)
        {
            return new(ReservationRefusal.Kind.NotAllowed, "You cannot reserve your own item.");
        }

        if (itemStatus == ItemStatus.Reserved)
        {
            return new(ReservationRefusal.Kind.Conflict, "Someone else reserved it first; join the waitlist to be offered it next.");
        }

        if (itemStatus != ItemStatus.Available)
        {
            return new(ReservationRefusal.Kind.Conflict, $"The item is {itemStatus}.");
        }

        return buyerActiveReservations >= maxActiveReservations
            ? new(ReservationRefusal.Kind.Conflict, $"You hold {buyerActiveReservations} free items already, the free-item limit (Reservations:MaxActivePerUser = {maxActiveReservations}) that keeps anyone from hoarding what is given away. Pick one up or cancel one first; pickups of auctions you won do not count.")
            : null;
    }

    public static ReservationRefusal? CanConfirm(string status, bool isSeller) =>
        !isSeller ? new(ReservationRefusal.Kind.Forbidden, "Only the seller confirms a reservation.")
        : status != ReservationStatus.Active ? new(ReservationRefusal.Kind.Conflict, $"The reservation is {status}; only an active one can be confirmed.")
        : null;

    public static ReservationRefusal? CanCancel(string status, bool isParty) =>
        !isParty ? new(ReservationRefusal.Kind.Forbidden, "Only the buyer or the seller can cancel.")
        : !ReservationStatus.IsHolding(status) ? new(ReservationRefusal.Kind.Conflict, $"The reservation is {status} already.")
        : null;

    public static ReservationRefusal? CanComplete(string status, bool isParty) =>
        !isParty ? new(ReservationRefusal.Kind.Forbidden, "Only the buyer or the seller can complete the pickup.")
        : !ReservationStatus.IsHolding(status) ? new(ReservationRefusal.Kind.Conflict, $"The reservation is {status}.")
        : null;

    public static ReservationRefusal? CanRate(string status, bool isParty, bool alreadyRated, int score)
    {
        if (!isParty)
        {
            return new(ReservationRefusal.Kind.Forbidden, "Only the buyer and the seller rate each other.");
        }

        if (status != ReservationStatus.Completed)
        {
            return new(ReservationRefusal.Kind.Conflict, "Rate after the pickup is completed.");
        }

        if (score is < 1 or > 5)
        {
            return new(ReservationRefusal.Kind.Invalid, "The score is a whole number from 1 to 5.");
        }

        return alreadyRated ? new(ReservationRefusal.Kind.Conflict, "You rated this pickup already.") : null;
    }
}
