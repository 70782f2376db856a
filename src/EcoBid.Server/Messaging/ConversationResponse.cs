namespace EcoBid.Server.Messaging;

public sealed record ConversationResponse(
    string Id, string ItemId, string Visibility, string OwnerId, string? OtherId, DateTimeOffset CreatedAt, DateTimeOffset? LastMessageAt)
{
    /// <summary>The item's title and thumbnail.</summary>
    public Items.ItemSummary? Item { get; init; }

    /// <summary>
    /// Who the reader talks to: the other participant of a private conversation, or the item's owner in its public
    /// questions (null to the owner there: everyone asks).
    /// </summary>
    public Identity.PersonSummary? OtherParty { get; init; }

    /// <summary>The newest saved message, for a list of conversations.</summary>
    public LastMessage? LastMessage { get; init; }

    public static ConversationResponse From(ConversationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new ConversationResponse(
            record.Id, record.ItemId, record.Visibility, record.OwnerId, record.OtherId, DateTimeOffset.FromUnixTimeMilliseconds(record.CreatedAt),
            record.LastMessageAt is { } last ? DateTimeOffset.FromUnixTimeMilliseconds(last) : null);
    }
}
