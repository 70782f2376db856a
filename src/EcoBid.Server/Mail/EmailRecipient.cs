namespace EcoBid.Server.Mail;

/// <summary>Where a user's notification emails go, read when the email is sent (the address may have changed).</summary>
public sealed record EmailRecipient(string Id, string Email, string DisplayName);
