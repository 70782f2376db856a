using Dapper;
using EcoBid.Domain.Events;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Events;
using EcoBid.Server.Messaging;

namespace EcoBid.Server.Handlers.MessageSent;

/// <summary>
/// The save step of the seeds' message flow: a pending message becomes part of its conversation's history
/// (MessageSaved), or is refused (MessageFailed) when a block came between the sender and the other side after the
/// message was accepted. A message already saved or failed is left as it is (a redelivery).
/// </summary>
public sealed class SaveMessage : IEventHandler
{
    public const string Target = "SaveMessage";

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var sent = envelope.Read<Domain.Events.MessageSent>();
        var message = await ConversationStore.FindMessageAsync(scope.Connection, sent.MessageId, scope.Transaction);
        if (message is null || message.Status != MessageRecord.Pending)
        {
            return;
        }

        var conversation = (await ConversationStore.FindAsync(scope.Connection, message.ConversationId, scope.Transaction))!;
        var now = scope.Now.ToUnixTimeMilliseconds();
        if (await Blocks.BetweenAsync(scope, message.SenderId, [conversation.OwnerId, conversation.OtherId ?? conversation.OwnerId]))
        {
            const string reason = "You cannot write to this person.";
            await scope.Connection.ExecuteAsync(
                "UPDATE messages SET status = 'failed', failure = @reason WHERE id = @Id", new { reason, message.Id }, scope.Transaction);
            await scope.PublishAsync(new MessageFailed(message.Id, conversation.Id, message.SenderId, reason, scope.Now));
            return;
        }

        await scope.Connection.ExecuteAsync(
            "UPDATE messages SET status = 'saved', saved_at = @now WHERE id = @Id; UPDATE conversations SET last_message_at = @now WHERE id = @ConversationId",
            new { now, message.Id, message.ConversationId },
            scope.Transaction);
        await scope.PublishAsync(new Domain.Events.MessageSaved(message.Id, conversation.Id, message.SenderId, sent.RecipientIds, scope.Now));
    }
}
