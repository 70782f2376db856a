namespace EcoBid.Server.Mail;

/// <summary>A row of <c>account_email_outbox</c>, as Dapper reads it: a rendered account email waiting to be sent.</summary>
public sealed record QueuedAccountEmail
{
    public const string Columns = "id, user_id, purpose, recipient, subject, body, attempts, due_at, expires_at, last_error, created_at";

    public long Id { get; init; }
    public required string UserId { get; init; }

    /// <summary>The token's purpose (<c>verify-email</c>, <c>reset-password</c>), for logs and metrics.</summary>
    public required string Purpose { get; init; }
    public required string Recipient { get; init; }
    public required string Subject { get; init; }
    public required string Body { get; init; }
    public long Attempts { get; init; }
    public long DueAt { get; init; }

    /// <summary>When the token in the body expires (Unix ms): past it, the email is worthless and given up.</summary>
    public long ExpiresAt { get; init; }
    public string? LastError { get; init; }
    public long CreatedAt { get; init; }

    public OutgoingMail ToMail() => new(Recipient, Subject, Body);
}
