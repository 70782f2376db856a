using EcoBid.Server.Notifications;

namespace EcoBid.Server.Mail;

/// <summary>
/// The notification email: the notification's own title as the subject and its text as the body, so the inbox, the
/// push and the email of one notification always say the same; the wording per kind lives in <see cref="NotificationTexts"/>.
/// </summary>
public static class EmailTemplates
{
    public static OutgoingMail Render(EmailRecipient recipient, NotificationRecord notification, string publicUrl)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(notification);
        return new OutgoingMail(recipient.Email, notification.Title, $"""
            Hello {recipient.DisplayName},

            {notification.Body}

            See it in EcoBid: {publicUrl}/notifications

            --
            You get this email because of your EcoBid settings for "{notification.Kind}" notifications. Choose the
            channels for each kind in your profile (notificationPreferences, for example {"{"}"{notification.Kind}": ["inapp"]{"}"}).
            """);
    }
}
