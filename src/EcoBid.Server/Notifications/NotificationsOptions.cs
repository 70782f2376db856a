namespace EcoBid.Server.Notifications;

/// <summary>Configuration section <c>Notifications</c>.</summary>
public sealed class NotificationsOptions
{
    public const string Section = "Notifications";

    /// <summary>How long before an unconfirmed reservation runs out its buyer is reminded.</summary>
    public TimeSpan ReservationReminderBefore { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Confirmed pickups are reminded of at each PickupReminders run for this long after confirmation.</summary>
    public TimeSpan PickupReminderPeriod { get; set; } = TimeSpan.FromDays(3);

    /// <summary>The most people one new item alerts; a saved search past this in a crowded area waits for the next item.</summary>
    public int MaxNearbyAlertsPerItem { get; set; } = 5000;
}
