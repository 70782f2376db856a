using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Identity;
using EcoBid.Server.Mail;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Handlers.UserRegistered;

/// <summary>
/// Emails the verification link on UserRegistered and the reset link on PasswordResetRequested. The one-time token is
/// created here, in the handler's transaction, so it never appears in an event or the archive.
/// </summary>
public sealed class SendAccountEmails(MailPickup mail, IOptions<AuthOptions> options, IConfiguration configuration) : IEventHandler
{
    public const string Target = "AccountEmails";

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(scope);
        var publicUrl = (configuration["PublicUrl"] ?? "http://localhost:8080").TrimEnd('/');
        if (envelope.DetailType == "UserRegistered")
        {
            var registered = envelope.Read<Domain.Events.UserRegistered>();
            var user = await AccountStore.FindByIdAsync(scope.Connection, registered.UserId, scope.Transaction);
            if (user is null || user.EmailVerifiedAt is not null)
            {
                return;
            }

            var token = await AccountTokens.CreateAsync(scope, user.Id, AccountTokens.Verify, options.Value.VerificationTokenLifetime);
            await mail.WriteAsync(user.Email, "Confirm your EcoBid email address", $"""
                Hello {user.DisplayName},

                confirm your email address to start giving and taking on EcoBid:

                {publicUrl}/verify-email?token={token}

                (or send {"{"}"token": "{token}"{"}"} to POST /auth/verify-email). The link works for {options.Value.VerificationTokenLifetime.TotalHours:0} hours.
                """, cancellationToken);
        }
        else if (envelope.DetailType == "PasswordResetRequested")
        {
            var requested = envelope.Read<Domain.Events.PasswordResetRequested>();
            var user = await AccountStore.FindByIdAsync(scope.Connection, requested.UserId, scope.Transaction);
            if (user is null)
            {
                return;
            }

            var token = await AccountTokens.CreateAsync(scope, user.Id, AccountTokens.Reset, options.Value.ResetTokenLifetime);
            await mail.WriteAsync(user.Email, "Reset your EcoBid password", $"""
                Hello {user.DisplayName},

                someone asked to reset your EcoBid password. If it was you, choose a new one here:

                {publicUrl}/reset-password?token={token}

                (or send the token with a newPassword to POST /auth/password/reset). The link works for {options.Value.ResetTokenLifetime.TotalMinutes:0} minutes.
                If it was not you, ignore this email: your password stays as it is.
                """, cancellationToken);
        }
    }
}
