using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Live;
using EcoBid.Server.Messaging;
using EcoBid.Server.Notifications;

namespace EcoBid.Server.Handlers.MessageSaved;

/// <summary>
/// The last step of the message flow. MessageSaved: the message goes live to both sides of the conversation (and, for
/// an item's public questions, to everyone watching the item), and each recipient gets a <c>message</c> notification
/// as their preferences say. MessageFailed: the sender alone hears why.
/// </summary>
public sealed class DeliverMessage(ILiveFanout fanout, Notifier notifier) : IEventHandler
{
    public const string Target = "DeliverMessage";
    private const int PreviewLength = 140;

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(scope);
        var messageId = envelope.Detail.GetProperty("messageId").GetString()!;
        var message = await ConversationStore.FindMessageAsync(scope.Connection, messageId, scope.Transaction);
        if (message is null)
        {
            return;
        }

        var frame = LiveFrames.Message(MessageResponse.From(message));
        if (envelope.DetailType == "MessageFailed")
        {
            scope.OnCommitted(() => fanout.ToUsers([message.SenderId], frame));
            return;
        }

        var saved = envelope.Read<Domain.Events.MessageSaved>();
        var conversation = (await ConversationStore.FindAsync(scope.Connection, message.ConversationId, scope.Transaction))!;
        string[] people = [.. new[] { message.SenderId, conversation.OwnerId, conversation.OtherId }.OfType<string>().Concat(saved.RecipientIds).Distinct(StringComparer.Ordinal)];
        scope.OnCommitted(() =>
        {
            fanout.ToUsers(people, frame);
            if (conversation.IsPublic)
            {
                fanout.ToWatchers(conversation.ItemId, frame);
            }
        });

        var sender = await Lookups.DisplayNameAsync(scope, message.SenderId);
        var item = await Lookups.ItemTitleAsync(scope, conversation.ItemId);
        var preview = message.Body.Length <= PreviewLength ? message.Body : message.Body[..PreviewLength] + "…";
        var text = NotificationTexts.Message(sender, item, preview);
        foreach (var recipient in saved.RecipientIds)
        {
            await notifier.NotifyAsync(scope, new NotificationRequest(
                recipient, NotificationKinds.Message, text.Title, text.Body,
                new { MessageId = message.Id, ConversationId = conversation.Id, conversation.ItemId, message.SenderId },
                envelope.Id, $"{NotificationKinds.Message}:{message.Id}:{recipient}"));
        }
    }
}
