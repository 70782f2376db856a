namespace EcoBid.Domain.Reservations;

/// <summary>How a reservation came about. Only reservations of free items count toward the free-item limit.</summary>
public static class ReservationOrigin
{
    /// <summary>The buyer reserved a free item.</summary>
    public const string Reserve = "reserve";

    /// <summary>The buyer was next on the waitlist when the holder's reservation ended; they must be told first.</summary>
    public const string Waitlist = "waitlist";

    /// <summary>The pickup of an auction the buyer won. Not a free item: it never counts toward the free-item limit.</summary>
    public const string Auction = "auction";

    public static bool CountsTowardFreeLimit(string origin) => origin != Auction;
}
