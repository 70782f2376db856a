namespace EcoBid.Server.Notifications;

public sealed record UnreadCount(long Count);
