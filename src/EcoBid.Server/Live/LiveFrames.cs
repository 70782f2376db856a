using System.Text.Json;
using EcoBid.Server.Events;
using EcoBid.Server.Notifications;

namespace EcoBid.Server.Live;

/// <summary>The frames the server sends, each a JSON object with a <c>type</c> (the protocol is in docs/notifications.md).</summary>
public static class LiveFrames
{
    public static LiveFrame Notification(NotificationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new LiveFrame(Serialize(new { type = "notification", notification = NotificationResponse.From(record) }), record.Id);
    }

    /// <summary>An event about an item someone watches: a bid, a moved auction end, a change to the listing.</summary>
    public static LiveFrame ItemEvent(string itemId, string detailType, object detail, DateTimeOffset time) =>
        new(Serialize(new { type = "item", itemId, @event = detailType, time, detail }));

    public static LiveFrame Message(object message) => new(Serialize(new { type = "message", message }));

    public static LiveFrame Welcome(string connectionId, string userId, DateTimeOffset expiresAt, TimeSpan heartbeat) =>
        new(Serialize(new { type = "welcome", connectionId, userId, expiresAt, heartbeatSeconds = heartbeat.TotalSeconds }));

    public static LiveFrame Resumed(long after, int count, bool complete) => new(Serialize(new { type = "resumed", after, count, complete }));

    public static LiveFrame Watching(string itemId, bool watching) => new(Serialize(new { type = watching ? "watching" : "unwatched", itemId }));

    public static LiveFrame Ping { get; } = new(Serialize(new { type = "ping" }));

    public static LiveFrame Pong { get; } = new(Serialize(new { type = "pong" }));

    public static LiveFrame Error(string message) => new(Serialize(new { type = "error", message }));

    private static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, EcoBidJson.Web);
}
