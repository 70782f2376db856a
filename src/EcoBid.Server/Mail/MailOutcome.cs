namespace EcoBid.Server.Mail;

/// <summary>What became of one send: sent, failed (worth retrying), or skipped because the channel is down.</summary>
public sealed record MailOutcome(MailOutcomeKind Kind, string? Error = null)
{
    public static MailOutcome Sent { get; } = new(MailOutcomeKind.Sent);
}
