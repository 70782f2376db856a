namespace EcoBid.Domain.Reservations;

public sealed record ReservationRefusal(ReservationRefusal.Kind Reason, string Message)
{
    public enum Kind
    {
        Invalid,
        Forbidden,
        Conflict,
        NotAllowed,
    }
}
