using Dapper;
using EcoBid.Domain.Events;
using EcoBid.Events;
using EcoBid.Events.Queues;
using EcoBid.Events.Storage;
using EcoBid.Server.Events;
using EcoBid.Server.Handlers.EmailUndelivered;
using EcoBid.Server.Notifications;
using Microsoft.Extensions.Options;
using EcoBid.Server.Storage;

namespace EcoBid.Server.Mail;

/// <summary>
/// Sends the emails that notifications queued (rows whose <c>email_status</c> is pending), outside any write
/// transaction: a slow or dead SMTP server must not hold SQLite's single writer, and with it every handler. A row is
/// claimed with a lease (status <c>sending</c>), sent through the circuit breaker, then marked sent (with
/// NotificationSent), retried with backoff, given up as failed after <see cref="MailOptions.MaxAttempts"/>, or
/// skipped while the circuit is open. A crash between send and mark sends the email again once the lease passes.
/// </summary>
public sealed partial class EmailDelivery(
    IEventDatabase database,
    IMessageQueue queue,
    GuardedMailTransport transport,
    NotificationSignals signals,
    NotificationMetrics metrics,
    IOptions<MailOptions> options,
    IOptions<RuntimeOptions> runtime,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<EmailDelivery> logger) : BackgroundService
{
    private const int BatchSize = 16;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var publicUrl = (configuration["PublicUrl"] ?? "http://localhost:8080").TrimEnd('/');
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                signals.Email.Reset();
                var claimed = await ClaimAsync(stoppingToken);
                if (claimed.Count == 0)
                {
                    await signals.Email.WaitAsync(await IdleWaitAsync(stoppingToken), clock, stoppingToken);
                    continue;
                }

                var recipients = await RecipientsAsync(claimed, stoppingToken);
                var outcomes = new List<(NotificationRecord, MailOutcome)>(claimed.Count);
                foreach (var notification in claimed)
                {
                    var outcome = recipients.TryGetValue(notification.UserId, out var recipient)
                        ? await transport.SendAsync(EmailTemplates.Render(recipient, notification, publicUrl), stoppingToken)
                        : new MailOutcome(MailOutcomeKind.Skipped, "the account no longer exists");
                    outcomes.Add((notification, outcome));
                }

                await RecordAsync(outcomes, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogLoopFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken);
            }
        }
    }

    /// <summary>
    /// Long enough for a whole batch to time out one send after another, so that no other worker process claims a row
    /// this one is still sending (which would send it twice).
    /// </summary>
    private TimeSpan Lease => (options.Value.SendTimeout * BatchSize) + TimeSpan.FromMinutes(1);

    // The outer WHERE repeats the due check: with concurrent writers (PostgreSQL) a claimer that waited on another's
    // lease re-checks the row as that one left it, and skips what is leased now, rather than claiming it twice.
    private Task<List<NotificationRecord>> ClaimAsync(CancellationToken cancellationToken) =>
        database.WriteAsync(async scope => (await scope.Connection.QueryAsync<NotificationRecord>(
            $"""
            UPDATE notifications SET email_status = 'sending', email_due_at = @leaseEnd
            WHERE id IN (SELECT id FROM notifications WHERE email_status IN ('pending', 'sending') AND email_due_at <= @now ORDER BY email_due_at LIMIT @batch)
              AND email_status IN ('pending', 'sending') AND email_due_at <= @now
            RETURNING {NotificationRecord.Columns}
            """,
            new { now = scope.Now.ToUnixTimeMilliseconds(), leaseEnd = (scope.Now + Lease).ToUnixTimeMilliseconds(), batch = BatchSize },
            scope.Transaction)).OrderBy(n => n.Id).ToList(), cancellationToken);

    private async Task<Dictionary<string, EmailRecipient>> RecipientsAsync(List<NotificationRecord> claimed, CancellationToken cancellationToken)
    {
        var ids = claimed.Select(n => n.UserId).Distinct(StringComparer.Ordinal).ToArray();
        var rows = await database.ReadAsync(db => db.QueryAsync<EmailRecipient>(
            SqlLists.For(db, "SELECT id, email, display_name AS DisplayName FROM users WHERE id IN @ids"), new { ids }), cancellationToken);
        return rows.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    private Task<int> RecordAsync(List<(NotificationRecord Notification, MailOutcome Outcome)> outcomes, CancellationToken cancellationToken) =>
        database.WriteAsync(async scope =>
        {
            foreach (var (notification, outcome) in outcomes)
            {
                var attempts = notification.EmailAttempts + 1;
                var (status, due) = outcome.Kind switch
                {
                    MailOutcomeKind.Sent => (EmailStatus.Sent, (long?)null),
                    MailOutcomeKind.Skipped => (EmailStatus.Skipped, null),
                    _ when attempts >= options.Value.MaxAttempts => (EmailStatus.Failed, null),
                    _ => (EmailStatus.Pending, (scope.Now + Backoff.FullJitter((int)attempts, options.Value.RetryBase, options.Value.RetryCap, Random.Shared)).ToUnixTimeMilliseconds()),
                };
                await scope.Connection.ExecuteAsync(
                    "UPDATE notifications SET email_status = @status, email_attempts = @attempts, email_due_at = @due, email_error = @error WHERE id = @id",
                    new { status, attempts, due, error = outcome.Error, id = notification.Id },
                    scope.Transaction);
                if (status == EmailStatus.Sent)
                {
                    await scope.PublishAsync(new NotificationSent(
                        notification.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), notification.UserId, NotificationChannels.Email,
                        notification.Kind, notification.CausedBy, scope.Now));
                }

                metrics.Email(status == EmailStatus.Pending ? "retry" : status);
                if (status is EmailStatus.Failed or EmailStatus.Skipped)
                {
                    LogNotSent(logger, notification.Id, status, outcome.Error);

                    // Recorded as an event and as a dead letter of the EmailDelivery target, where an operator sees it
                    // beside every other failure and can redrive it (ResendEmail sends it then).
                    var reason = outcome.Error ?? status;
                    var undelivered = await scope.PublishAsync(new EmailUndelivered(
                        notification.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), notification.UserId, notification.Kind, status, reason, scope.Now));
                    await queue.DeadLetterNewAsync(scope, ResendEmail.Target, undelivered.Id, undelivered.Id, undelivered.ToJson(), $"email {status}: {reason}");
                }
            }

            return outcomes.Count;
        }, cancellationToken);

    private async Task<TimeSpan> IdleWaitAsync(CancellationToken cancellationToken)
    {
        var next = await database.ReadAsync(db => db.ExecuteScalarAsync<long?>(
            "SELECT MIN(email_due_at) FROM notifications WHERE email_status IN ('pending', 'sending')"), cancellationToken);
        return DueWait.Until(next, runtime.Value.IdleRecheck, clock);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Email delivery loop failed; it retries in a second")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email for notification {NotificationId} {Status}: {Error}")]
    private static partial void LogNotSent(ILogger logger, long notificationId, string status, string? error);
}
