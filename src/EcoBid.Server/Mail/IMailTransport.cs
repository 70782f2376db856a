namespace EcoBid.Server.Mail;

/// <summary>Sends one email, or throws. SMTP when configured, the pickup folder otherwise.</summary>
public interface IMailTransport
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
