namespace EcoBid.Server.Mail;

/// <summary>The default transport: an <c>.eml</c> file in the pickup folder.</summary>
public sealed class PickupMailTransport(MailPickup pickup) : IMailTransport
{
    public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        return pickup.WriteAsync(mail.To, mail.Subject, mail.Body, cancellationToken);
    }
}
