namespace EcoBid.Server.Notifications;

/// <summary>A notification's wording: a short title (the email's subject) and a sentence or two.</summary>
public sealed record NotificationText(string Title, string Body);
