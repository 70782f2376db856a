namespace EcoBid.Server.Notifications;

/// <summary>
/// The kinds of notification, the keys of <c>users.notification_prefs</c>, and the channels each goes to when the
/// user has not chosen. Emails default on for what needs action (a reservation, a pickup, an auction's outcome), off
/// for what is frequent (alerts about nearby items, messages: the live channel and the inbox carry those).
/// </summary>
public static class NotificationKinds
{
    public const string ReservationCreated = "reservation_created";
    public const string WaitlistPromoted = "waitlist_promoted";
    public const string ReservationConfirmed = "reservation_confirmed";
    public const string ReservationCancelled = "reservation_cancelled";
    public const string ReservationExpired = "reservation_expired";
    public const string ReservationCompleted = "reservation_completed";
    public const string ReservationExpiring = "reservation_expiring";
    public const string PickupReminder = "pickup_reminder";
    public const string Outbid = "outbid";
    public const string AuctionWon = "auction_won";
    public const string AuctionLost = "auction_lost";
    public const string AuctionUnsold = "auction_unsold";
    public const string AuctionResult = "auction_result";
    public const string NearbyItem = "nearby_item";
    public const string Message = "message";
    public const string AlarmRaised = "alarm_raised";
    public const string AlarmCleared = "alarm_cleared";
    public const string DisputeOpened = "dispute_opened";
    public const string DisputeEscalated = "dispute_escalated";
    public const string DisputeResolved = "dispute_resolved";
    public const string BulkPostingFinished = "bulk_posting_finished";

    private static readonly string[] Everywhere = [NotificationChannels.InApp, NotificationChannels.Email, NotificationChannels.Push];
    private static readonly string[] NoEmail = [NotificationChannels.InApp, NotificationChannels.Push];

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Defaults { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [ReservationCreated] = Everywhere,
        [WaitlistPromoted] = Everywhere,
        [ReservationConfirmed] = Everywhere,
        [ReservationCancelled] = Everywhere,
        [ReservationExpired] = Everywhere,
        [ReservationCompleted] = NoEmail,
        [ReservationExpiring] = Everywhere,
        [PickupReminder] = Everywhere,
        [Outbid] = Everywhere,
        [AuctionWon] = Everywhere,
        [AuctionLost] = Everywhere,
        [AuctionUnsold] = Everywhere,
        [AuctionResult] = Everywhere,
        [NearbyItem] = NoEmail,
        [Message] = NoEmail,
        [AlarmRaised] = Everywhere,
        [AlarmCleared] = Everywhere,
        [DisputeOpened] = Everywhere,
        [DisputeEscalated] = Everywhere,
        [DisputeResolved] = Everywhere,
        [BulkPostingFinished] = Everywhere,
    };

    /// <summary>
    /// Kinds that always reach the inbox, whatever the person chose: a reservation the waitlist gives someone starts
    /// their pickup window, and a missed pickup counts against them, so the notice must be where they will find it.
    /// </summary>
    public static IReadOnlySet<string> AlwaysInInbox { get; } = new HashSet<string>([WaitlistPromoted], StringComparer.Ordinal);
}
