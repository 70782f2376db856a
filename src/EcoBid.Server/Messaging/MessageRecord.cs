namespace EcoBid.Server.Messaging;

/// <summary>A row of <c>messages</c>: <c>pending</c> when accepted, then <c>saved</c> or <c>failed</c> by the SaveMessage handler.</summary>
public sealed record MessageRecord
{
    public const string Columns = "seq, id, conversation_id, sender_id, body, status, failure, created_at, saved_at";
    public const string Pending = "pending";
    public const string Saved = "saved";
    public const string Failed = "failed";

    public long Seq { get; init; }
    public required string Id { get; init; }
    public required string ConversationId { get; init; }
    public required string SenderId { get; init; }
    public required string Body { get; init; }
    public required string Status { get; init; }
    public string? Failure { get; init; }
    public long CreatedAt { get; init; }
    public long? SavedAt { get; init; }
}
