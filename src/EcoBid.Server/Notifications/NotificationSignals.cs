using EcoBid.Events.Signals;

namespace EcoBid.Server.Notifications;

/// <summary>In-process wake-ups: a commit that queued an email wakes the loop that sends it.</summary>
public sealed class NotificationSignals
{
    /// <summary>A notification email was queued (EmailDelivery).</summary>
    public AsyncSignal Email { get; } = new();

    /// <summary>An account email (verification, password reset) was queued (AccountEmailDelivery).</summary>
    public AsyncSignal AccountEmail { get; } = new();
}
