namespace EcoBid.Server.Messaging;

public sealed record ConversationResponse(
    string Id, string ItemId, string Visibility, string OwnerId, string? OtherId, DateTimeOffset CreatedAt, DateTimeOffset? LastMessageAt)
{
    public static ConversationResponse From(ConversationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new ConversationResponse(
            record.Id, record.ItemId, record.Visibility, record.OwnerId, record.OtherId, DateTimeOffset.FromUnixTimeMilliseconds(record.CreatedAt),
            record.LastMessageAt is { } last ? DateTimeOffset.FromUnixTimeMilliseconds(last) : null);
    }
}
