using System.Text.Json;

namespace EcoBid.Server.Notifications;

/// <summary>A notification as the inbox and the live channel show it; <c>email</c> is that channel's state, if chosen.</summary>
public sealed record NotificationResponse(
    long Id, string Kind, string Title, string Body, JsonElement Data, string? CausedBy, DateTimeOffset CreatedAt, bool Read, string? Email)
{
    public static NotificationResponse From(NotificationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var data = JsonDocument.Parse(record.Data);
        return new NotificationResponse(
            record.Id, record.Kind, record.Title, record.Body, data.RootElement.Clone(), record.CausedBy,
            DateTimeOffset.FromUnixTimeMilliseconds(record.CreatedAt), record.ReadAt is not null, record.EmailStatus);
    }
}
