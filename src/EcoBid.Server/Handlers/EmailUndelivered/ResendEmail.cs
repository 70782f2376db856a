using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Events;
using EcoBid.Server.Notifications;

namespace EcoBid.Server.Handlers.EmailUndelivered;

/// <summary>
/// The consumer of the EmailDelivery target, which no rule feeds: its messages are the emails the delivery loop
/// skipped or gave up on, dead-lettered there when it happened (see <c>EmailDelivery</c>). Redriving one brings it
/// here, and the email is queued again for the delivery loop, attempts reset. An email that was sent meanwhile, or
/// whose notification is gone, is left alone.
/// </summary>
public sealed class ResendEmail(NotificationSignals signals) : IEventHandler
{
    public const string Target = "EmailDelivery";

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(scope);
        var undelivered = envelope.Read<Domain.Events.EmailUndelivered>();
        if (!long.TryParse(undelivered.NotificationId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return;
        }

        var requeued = await scope.ExecutePreparedAsync(
            """
            UPDATE notifications SET email_status = 'pending', email_attempts = 0, email_due_at = @now, email_error = NULL
            WHERE id = @id AND email_status IN ('skipped', 'failed')
            """,
            ("@now", scope.Now.ToUnixTimeMilliseconds()),
            ("@id", id));
        if (requeued > 0)
        {
            scope.OnCommitted(signals.Email.Set);
        }
    }
}
