using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace EcoBid.Server.Mail;

/// <summary>
/// Sends over SMTP (<c>Mail:Smtp:Host</c>) with MailKit, one connection per email. <c>EnableSsl</c> requires TLS:
/// implicit TLS on port 465, STARTTLS on any other; without it the connection stays plain.
/// </summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var smtp = options.Value.Smtp;
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(MailPickup.FromAddress));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Body = new TextPart("plain") { Text = mail.Body };

        using var client = new SmtpClient { Timeout = (int)options.Value.SendTimeout.TotalMilliseconds };
        var security = !smtp.EnableSsl ? SecureSocketOptions.None : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Mail:Smtp:Host is not set."), smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
