namespace EcoBid.Server.Notifications;

/// <summary>Where a notification can go: the inbox, an email, a push on the user's live connections.</summary>
public static class NotificationChannels
{
    public const string InApp = "inapp";
    public const string Email = "email";
    public const string Push = "push";

    public static IReadOnlyList<string> All { get; } = [InApp, Email, Push];
}
