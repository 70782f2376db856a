namespace EcoBid.Server.Reservations;

/// <summary>Configuration section <c>Reservations</c>.</summary>
public sealed class ReservationsOptions
{
    public const string Section = "Reservations";

    /// <summary>How long a buyer has to pick up (or the seller to confirm) before the reservation expires.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Reservations one person may hold at once.</summary>
    public int MaxActivePerUser { get; set; } = 3;

    /// <summary>A rating shows once both sides rated, or this long after the first.</summary>
    public TimeSpan RatingRevealAfter { get; set; } = TimeSpan.FromDays(7);
}
