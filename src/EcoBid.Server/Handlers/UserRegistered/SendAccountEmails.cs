using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Identity;
using EcoBid.Server.Mail;
using EcoBid.Server.Notifications;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Handlers.UserRegistered;

/// <summary>
/// Queues the verification email on UserRegistered and the reset email on PasswordResetRequested. The one-time token
/// is created here, in the handler's transaction, so it never appears in an event or the archive; the email that
/// carries it is queued in the same transaction (<see cref="AccountEmailOutbox"/>) and sent after the commit by
/// <see cref="AccountEmailDelivery"/>, so no mail server is ever waited on while SQLite's one writer is held.
/// Replayed events send nothing.
/// </summary>
public sealed class SendAccountEmails(NotificationSignals signals, IOptions<AuthOptions> options, IConfiguration configuration) : IEventHandler
{
    public const string Target = "AccountEmails";

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(scope);
        if (envelope.ReplayName is not null)
        {
            // A replay re-runs history; it must not mail people: a reset link to everyone who ever asked for one, or a
            // fresh verification link to long-verified accounts. Anyone who still needs a link asks for one again.
            return;
        }

        var publicUrl = (configuration["PublicUrl"] ?? "http://localhost:8080").TrimEnd('/');
        if (envelope.DetailType is "UserRegistered" or "VerificationEmailRequested")
        {
            var userId = envelope.Detail.GetProperty("userId").GetString()!;
            var user = await AccountStore.FindByIdAsync(scope.Connection, userId, scope.Transaction);
            if (user is null || user.EmailVerifiedAt is not null)
            {
                return;
            }

            var lifetime = options.Value.VerificationTokenLifetime;
            var token = await AccountTokens.CreateAsync(scope, user.Id, AccountTokens.Verify, lifetime);
            await QueueAsync(scope, user.Id, AccountTokens.Verify, lifetime, new OutgoingMail(user.Email, "Confirm your EcoBid email address", $"""
                Hello {user.DisplayName},

                confirm your email address to start giving and taking on EcoBid:

                {publicUrl}/verify-email?token={token}

                (or send {"{"}"token": "{token}"{"}"} to POST /auth/verify-email). The link works for {lifetime.TotalHours:0} hours.
                """));
        }
        else if (envelope.DetailType == "PasswordResetRequested")
        {
            var requested = envelope.Read<Domain.Events.PasswordResetRequested>();
            var user = await AccountStore.FindByIdAsync(scope.Connection, requested.UserId, scope.Transaction);
            if (user is null)
            {
                return;
            }

            var lifetime = options.Value.ResetTokenLifetime;
            var token = await AccountTokens.CreateAsync(scope, user.Id, AccountTokens.Reset, lifetime);
            await QueueAsync(scope, user.Id, AccountTokens.Reset, lifetime, new OutgoingMail(user.Email, "Reset your EcoBid password", $"""
                Hello {user.DisplayName},

                someone asked to reset your EcoBid password. If it was you, choose a new one here:

                {publicUrl}/reset-password?token={token}

                (or send the token with a newPassword to POST /auth/password/reset). The link works for {lifetime.TotalMinutes:0} minutes.
                If it was not you, ignore this email: your password stays as it is.
                """));
        }
    }

    /// <summary>Queues the email until the token expires (<see cref="AccountTokens.CreateAsync"/> uses the same clock reading).</summary>
    private async Task QueueAsync(IWriteScope scope, string userId, string purpose, TimeSpan lifetime, OutgoingMail mail)
    {
        await AccountEmailOutbox.EnqueueAsync(scope, userId, purpose, mail, scope.Now.Add(lifetime));
        scope.OnCommitted(signals.AccountEmail.Set);
    }
}
