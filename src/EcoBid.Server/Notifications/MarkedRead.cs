namespace EcoBid.Server.Notifications;

public sealed record MarkedRead(int Marked);
