namespace EcoBid.Server.Mail;

public enum MailOutcomeKind
{
    Sent,
    Failed,
    Skipped,
}
