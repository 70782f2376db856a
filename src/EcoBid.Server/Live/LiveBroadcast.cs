namespace EcoBid.Server.Live;

/// <summary>One <see cref="ILiveFanout"/> call as it crosses the broker: to users, or to an item's watchers.</summary>
internal sealed record LiveBroadcast(string[]? Users, string? Item, LiveBroadcastFrame Frame, Dictionary<string, LiveBroadcastFrame?>? PerUser);

/// <summary>A <see cref="LiveFrame"/> on the wire.</summary>
internal sealed record LiveBroadcastFrame(byte[] Json, long? NotificationId)
{
    public static LiveBroadcastFrame From(LiveFrame frame) => new(frame.Json.ToArray(), frame.NotificationId);

    public LiveFrame ToFrame() => new(Json, NotificationId);
}
