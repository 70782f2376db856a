using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Messaging;
using EcoBid.Server.Notifications;

namespace EcoBid.Server.Handlers.MessageSaved;

/// <summary>
/// Each recipient of a saved message gets a <c>message</c> notification, on the channels they chose (by default the
/// inbox and a push). The conversation itself went live already, when SaveMessage committed.
/// </summary>
public sealed class NotifyMessageRecipients(Notifier notifier) : IEventHandler
{
    public const string Target = "NotifyMessageRecipients";
    private const int PreviewLength = 140;

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(scope);
        var saved = envelope.Read<Domain.Events.MessageSaved>();
        var message = await ConversationStore.FindMessageAsync(scope, saved.MessageId);
        var conversation = message is null ? null : await ConversationStore.FindAsync(scope, message.ConversationId);
        if (message is null || conversation is null)
        {
            return;
        }

        var sender = await Lookups.DisplayNameAsync(scope, message.SenderId);
        var item = await Lookups.ItemTitleAsync(scope, conversation.ItemId);
        var preview = message.Body.Length <= PreviewLength ? message.Body : message.Body[..PreviewLength] + "…";
        var text = NotificationTexts.Message(sender, item, preview);
        var blocked = conversation.IsPublic ? await Blocks.AnyWayAsync(scope, message.SenderId) : new HashSet<string>();
        foreach (var recipient in saved.RecipientIds.Where(r => !blocked.Contains(r)))
        {
            await notifier.NotifyAsync(scope, new NotificationRequest(
                recipient, NotificationKinds.Message, text.Title, text.Body,
                new { MessageId = message.Id, ConversationId = conversation.Id, conversation.ItemId, message.SenderId },
                envelope.Id, $"{NotificationKinds.Message}:{message.Id}:{recipient}"));
        }
    }
}
