namespace EcoBid.Server.Notifications;

/// <summary>
/// One notification to deliver. <see cref="DedupeKey"/> makes it once-only: a second request with the same key (a
/// redelivered event, a repeated sweep) delivers nothing.
/// </summary>
public sealed record NotificationRequest(string UserId, string Kind, string Title, string Body, object? Data, string? CausedBy, string DedupeKey)
{
    /// <summary>The usual key: one notification of a kind per user per causing event.</summary>
    public static string KeyFor(string kind, string eventId, string userId) => $"{kind}:{eventId}:{userId}";
}
