namespace EcoBid.Server.Messaging;

public sealed record MessageResponse(
    string Id, string ConversationId, string SenderId, string Body, string Status, string? Failure, DateTimeOffset CreatedAt, DateTimeOffset? SavedAt)
{
    public static MessageResponse From(MessageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new MessageResponse(
            record.Id, record.ConversationId, record.SenderId, record.Body, record.Status, record.Failure,
            DateTimeOffset.FromUnixTimeMilliseconds(record.CreatedAt), record.SavedAt is { } saved ? DateTimeOffset.FromUnixTimeMilliseconds(saved) : null);
    }
}
