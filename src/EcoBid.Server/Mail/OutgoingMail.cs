namespace EcoBid.Server.Mail;

/// <summary>A plain-text email to one recipient.</summary>
public sealed record OutgoingMail(string To, string Subject, string Body);
