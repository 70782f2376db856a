using EcoBid.Events;
using EcoBid.Events.Queues;
using EcoBid.Events.Storage;
using EcoBid.Server.Notifications;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Mail;

/// <summary>
/// Sends the account emails (verification, password reset) queued in <c>account_email_outbox</c>, outside any write
/// transaction, through the same <see cref="GuardedMailTransport"/> as notification emails: SMTP when configured, the
/// pickup folder otherwise. Unlike a notification email, an account email is not dropped while its token still
/// works: a failed send, or one refused because the circuit is open, is tried again with backoff (full jitter,
/// <see cref="MailOptions.RetryBase"/> doubling up to <see cref="MailOptions.RetryCap"/>) until the next try would
/// fall after the token expires. Then it is given up: logged as an error, counted as <c>given_up</c>, and removed.
/// A sent email's row is removed at once, because its body holds the live token. A crash between the send and the
/// removal sends the email again once the lease passes: account emails are at least once.
/// </summary>
public sealed partial class AccountEmailDelivery(
    IEventDatabase database,
    GuardedMailTransport transport,
    NotificationSignals signals,
    NotificationMetrics metrics,
    IOptions<MailOptions> options,
    IOptions<RuntimeOptions> runtime,
    TimeProvider clock,
    ILogger<AccountEmailDelivery> logger) : BackgroundService
{
    private const int BatchSize = 16;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Long enough for a whole batch of sends that each run into the timeout, so that another worker process does
        // not take over an email this one is still sending.
        var lease = (options.Value.SendTimeout * BatchSize) + TimeSpan.FromMinutes(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                signals.AccountEmail.Reset();
                var claimed = await database.WriteAsync(scope => AccountEmailOutbox.ClaimAsync(scope, BatchSize, lease), stoppingToken);
                if (claimed.Count == 0)
                {
                    await signals.AccountEmail.WaitAsync(await IdleWaitAsync(stoppingToken), clock, stoppingToken);
                    continue;
                }

                await SendAsync(claimed, stoppingToken);
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

    private async Task SendAsync(List<QueuedAccountEmail> claimed, CancellationToken stoppingToken)
    {
        var outcomes = new List<(QueuedAccountEmail Email, MailOutcome? Outcome)>(claimed.Count);
        try
        {
            foreach (var email in claimed)
            {
                // An email whose token has run out is worthless: it is given up unsent (null outcome).
                var outcome = email.ExpiresAt <= clock.GetUtcNow().ToUnixTimeMilliseconds()
                    ? null
                    : await transport.SendAsync(email.ToMail(), stoppingToken);
                outcomes.Add((email, outcome));
            }
        }
        finally
        {
            // Also when stopping: what was sent is removed (not sent again after the restart), and what was not tried
            // is released (sent at once after the restart, not when the lease ends).
            await RecordAsync(outcomes, claimed.Skip(outcomes.Count).ToList(), CancellationToken.None);
        }
    }

    private Task<int> RecordAsync(List<(QueuedAccountEmail Email, MailOutcome? Outcome)> outcomes, List<QueuedAccountEmail> untried, CancellationToken cancellationToken) =>
        database.WriteAsync(async scope =>
        {
            foreach (var (email, outcome) in outcomes)
            {
                if (outcome?.Kind == MailOutcomeKind.Sent)
                {
                    await AccountEmailOutbox.RemoveAsync(scope, email.Id);
                    metrics.AccountEmail(email.Purpose, "sent");
                    continue;
                }

                var attempts = email.Attempts + (outcome is null ? 0 : 1);
                var next = scope.Now + Backoff.FullJitter((int)Math.Min(attempts, 31), options.Value.RetryBase, options.Value.RetryCap, Random.Shared);
                if (outcome is null || next.ToUnixTimeMilliseconds() >= email.ExpiresAt)
                {
                    // The token is dead by the next try: nothing is left to deliver.
                    await AccountEmailOutbox.RemoveAsync(scope, email.Id);
                    metrics.AccountEmail(email.Purpose, "given_up");
                    LogGivenUp(logger, email.Purpose, email.UserId, email.Id, attempts, outcome?.Error ?? email.LastError);
                    continue;
                }

                await AccountEmailOutbox.RetryAsync(scope, email.Id, attempts, next, outcome.Error);
                metrics.AccountEmail(email.Purpose, "retry");
                LogRetry(logger, email.Purpose, email.UserId, email.Id, attempts, next, outcome.Error);
            }

            foreach (var email in untried)
            {
                await AccountEmailOutbox.RetryAsync(scope, email.Id, email.Attempts, scope.Now, email.LastError);
            }

            return outcomes.Count;
        }, cancellationToken);

    private async Task<TimeSpan> IdleWaitAsync(CancellationToken cancellationToken)
    {
        var next = await database.ReadAsync(AccountEmailOutbox.NextDueAsync, cancellationToken);
        return DueWait.Until(next, runtime.Value.IdleRecheck, clock);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Account email delivery loop failed; it retries in a second")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Purpose} email to user {UserId} (outbox {OutboxId}) was not sent on attempt {Attempts}; next try at {NextAttempt:O}: {Error}")]
    private static partial void LogRetry(ILogger logger, string purpose, string userId, long outboxId, long attempts, DateTimeOffset nextAttempt, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up the {Purpose} email to user {UserId} (outbox {OutboxId}) after {Attempts} attempts: its token expires before the next try. Last error: {Error}")]
    private static partial void LogGivenUp(ILogger logger, string purpose, string userId, long outboxId, long attempts, string? error);
}
