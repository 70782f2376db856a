using Dapper;
using EcoBid.Events.Storage;

namespace EcoBid.Server.Mail;

/// <summary>
/// The durable queue of account emails (<c>account_email_outbox</c>). A handler queues an email in the transaction
/// that creates its token; <see cref="AccountEmailDelivery"/> claims, sends and removes it.
/// </summary>
public static class AccountEmailOutbox
{
    /// <summary>Queues <paramref name="mail"/> in the caller's transaction, due at once.</summary>
    public static async Task EnqueueAsync(IWriteScope scope, string userId, string purpose, OutgoingMail mail, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(mail);
        var now = scope.Now.ToUnixTimeMilliseconds();
        await scope.Connection.ExecuteAsync(
            """
            INSERT INTO account_email_outbox (user_id, purpose, recipient, subject, body, due_at, expires_at, created_at)
            VALUES (@userId, @purpose, @to, @subject, @body, @now, @expires, @now)
            """,
            new { userId, purpose, to = mail.To, subject = mail.Subject, body = mail.Body, now, expires = expiresAt.ToUnixTimeMilliseconds() },
            scope.Transaction);
    }

    /// <summary>
    /// Takes up to <paramref name="batch"/> due emails, oldest due first, and holds them for <paramref name="lease"/>
    /// (their due time moves to the lease's end), so that another sender leaves them alone unless this one dies.
    /// </summary>
    public static async Task<List<QueuedAccountEmail>> ClaimAsync(IWriteScope scope, int batch, TimeSpan lease)
    {
        ArgumentNullException.ThrowIfNull(scope);
        // "AND due_at <= @now" again outside: a claimer that waited on a concurrent one (PostgreSQL) skips what it leased.
        var rows = await scope.Connection.QueryAsync<QueuedAccountEmail>(
            $"""
            UPDATE account_email_outbox SET due_at = @leaseEnd
            WHERE id IN (SELECT id FROM account_email_outbox WHERE due_at <= @now ORDER BY due_at LIMIT @batch) AND due_at <= @now
            RETURNING {QueuedAccountEmail.Columns}
            """,
            new { now = scope.Now.ToUnixTimeMilliseconds(), leaseEnd = (scope.Now + lease).ToUnixTimeMilliseconds(), batch },
            scope.Transaction);
        return [.. rows.OrderBy(r => r.Id)];
    }

    /// <summary>Removes the row (sent or given up): its body holds a live token, which is not kept any longer than needed.</summary>
    public static Task RemoveAsync(IWriteScope scope, long id)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Connection.ExecuteAsync("DELETE FROM account_email_outbox WHERE id = @id", new { id }, scope.Transaction);
    }

    public static Task RetryAsync(IWriteScope scope, long id, long attempts, DateTimeOffset dueAt, string? error)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Connection.ExecuteAsync(
            "UPDATE account_email_outbox SET attempts = @attempts, due_at = @due, last_error = @error WHERE id = @id",
            new { id, attempts, due = dueAt.ToUnixTimeMilliseconds(), error },
            scope.Transaction);
    }

    /// <summary>When the next email falls due (a claimed one: when its lease ends), or null when none is queued.</summary>
    public static Task<long?> NextDueAsync(System.Data.Common.DbConnection connection)
    {
        return connection.ExecuteScalarAsync<long?>("SELECT MIN(due_at) FROM account_email_outbox");
    }
}
