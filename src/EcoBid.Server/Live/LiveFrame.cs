namespace EcoBid.Server.Live;

/// <summary>
/// One server-to-client message of the live channel, serialised once and shared by every connection it goes to.
/// <see cref="NotificationId"/> is set on notification frames, which a reconnecting client can resume from.
/// </summary>
public sealed record LiveFrame(ReadOnlyMemory<byte> Json, long? NotificationId = null);
