namespace EcoBid.Domain.Reservations;

public static class ReservationStatus
{
    /// <summary>Made; the seller has not confirmed yet; expires after the reservation window.</summary>
    public const string Active = "active";

    /// <summary>The seller confirmed the pickup; it no longer expires on its own.</summary>
    public const string Confirmed = "confirmed";

    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
    public const string Expired = "expired";

    /// <summary>The states that hold the item: at most one reservation per item is in one of these.</summary>
    public static IReadOnlyList<string> Holding { get; } = [Active, Confirmed];

    public static bool IsHolding(string status) => status is Active or Confirmed;
}
