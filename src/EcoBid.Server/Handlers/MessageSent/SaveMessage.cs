using Dapper;
using EcoBid.Domain.Events;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Events;
using EcoBid.Server.Live;
using EcoBid.Server.Messaging;

namespace EcoBid.Server.Handlers.MessageSent;

/// <summary>
/// The save step of the seeds' message flow: a pending message becomes part of its conversation's history
/// (MessageSaved), or is refused (MessageFailed) when a block came between the sender and the other side after the
/// message was accepted. The outcome goes live as soon as it commits: to both sides of the conversation (and, for an
/// item's public questions, to everyone watching the item), or, for a refusal, to the sender alone. Pushing here
/// rather than from a handler of MessageSaved saves the live path a whole hop through the relay and a queue.
/// A message already saved or failed is left as it is (a redelivery).
/// </summary>
public sealed class SaveMessage(ILiveFanout fanout) : IEventHandler
{
    public const string Target = "SaveMessage";

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var sent = envelope.Read<Domain.Events.MessageSent>();
        var message = await ConversationStore.FindMessageAsync(scope, sent.MessageId);
        if (message is null || message.Status != MessageRecord.Pending)
        {
            return;
        }

        var conversation = (await ConversationStore.FindAsync(scope, message.ConversationId))!;
        if (await Blocks.BetweenAsync(scope, message.SenderId, [conversation.OwnerId, conversation.OtherId ?? conversation.OwnerId]))
        {
            const string reason = "You cannot write to this person.";
            await scope.Connection.ExecuteAsync(
                "UPDATE messages SET status = 'failed', failure = @reason WHERE id = @Id", new { reason, message.Id }, scope.Transaction);
            await scope.PublishAsync(new MessageFailed(message.Id, conversation.Id, message.SenderId, reason, scope.Now));
            var refused = LiveFrames.Message(MessageResponse.From(message with { Status = MessageRecord.Failed, Failure = reason }));
            scope.OnCommitted(() => fanout.ToUsers([message.SenderId], refused));
            return;
        }

        var now = scope.Now.ToUnixTimeMilliseconds();
        await scope.ExecutePreparedAsync("UPDATE messages SET status = 'saved', saved_at = @now WHERE id = @id", ("@now", now), ("@id", message.Id));
        await scope.ExecutePreparedAsync("UPDATE conversations SET last_message_at = @now WHERE id = @id", ("@now", now), ("@id", message.ConversationId));
        await scope.PublishAsync(new Domain.Events.MessageSaved(message.Id, conversation.Id, message.SenderId, sent.RecipientIds, scope.Now));

        var frame = LiveFrames.Message(MessageResponse.From(message with { Status = MessageRecord.Saved, SavedAt = now }));

        // In an item's public questions, someone with a block either way with the sender does not hear their answers.
        var blocked = conversation.IsPublic ? await Blocks.AnyWayAsync(scope, message.SenderId) : new HashSet<string>();
        string[] people = [.. new[] { message.SenderId, conversation.OwnerId, conversation.OtherId }.OfType<string>().Concat(sent.RecipientIds)
            .Where(p => !blocked.Contains(p)).Distinct(StringComparer.Ordinal)];
        var silenced = blocked.Count == 0 ? null : blocked.ToDictionary(id => id, _ => (LiveFrame?)null, StringComparer.Ordinal);
        scope.OnCommitted(() =>
        {
            fanout.ToUsers(people, frame);
            if (conversation.IsPublic)
            {
                fanout.ToWatchers(conversation.ItemId, frame, silenced);
            }
        });
    }
}
