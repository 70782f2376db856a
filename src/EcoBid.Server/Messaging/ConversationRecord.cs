namespace EcoBid.Server.Messaging;

/// <summary>
/// A row of <c>conversations</c>: an item's public questions (one per item, anyone signed in reads and writes), or a
/// private conversation between the item's owner and one other person (only those two read or write it).
/// </summary>
public sealed record ConversationRecord
{
    public const string Columns = "id, item_id, visibility, owner_id, other_id, created_at, last_message_at";
    public const string Public = "public";
    public const string Private = "private";

    public required string Id { get; init; }
    public required string ItemId { get; init; }
    public required string Visibility { get; init; }
    public required string OwnerId { get; init; }
    public string? OtherId { get; init; }
    public long CreatedAt { get; init; }
    public long? LastMessageAt { get; init; }

    public bool IsPublic => Visibility == Public;

    public bool IsParticipant(string userId) => OwnerId == userId || OtherId == userId;

    public bool CanRead(string userId) => IsPublic || IsParticipant(userId);
}
