namespace EcoBid.Server.Notifications;

/// <summary>A row of <c>notifications</c>, as Dapper reads it.</summary>
public sealed record NotificationRecord
{
    public const string Columns = "id, user_id, kind, title, body, data, caused_by, in_inbox, push, email_status, email_attempts, email_error, created_at, read_at";

    public long Id { get; init; }
    public required string UserId { get; init; }
    public required string Kind { get; init; }
    public required string Title { get; init; }
    public required string Body { get; init; }
    public required string Data { get; init; }
    public string? CausedBy { get; init; }
    public bool InInbox { get; init; }
    public bool Push { get; init; }
    public string? EmailStatus { get; init; }
    public long EmailAttempts { get; init; }
    public string? EmailError { get; init; }
    public long CreatedAt { get; init; }
    public long? ReadAt { get; init; }
}
