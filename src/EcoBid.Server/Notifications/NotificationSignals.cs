using EcoBid.Events.Signals;

namespace EcoBid.Server.Notifications;

/// <summary>In-process wake-ups: a commit that queued an email wakes the email delivery loop.</summary>
public sealed class NotificationSignals
{
    public AsyncSignal Email { get; } = new();
}
