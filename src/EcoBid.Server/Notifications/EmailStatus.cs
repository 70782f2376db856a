namespace EcoBid.Server.Notifications;

/// <summary>
/// The email channel's state on a notification row: <c>pending</c> (queued), <c>sending</c> (claimed by the delivery
/// loop), <c>sent</c>, <c>failed</c> (gave up after the attempts), <c>skipped</c> (the channel was down: the circuit
/// breaker was open, so the email was dropped rather than queued behind an outage).
/// </summary>
public static class EmailStatus
{
    public const string Pending = "pending";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string Skipped = "skipped";
}
