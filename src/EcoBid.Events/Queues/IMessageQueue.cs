using EcoBid.Events.Rules;
using EcoBid.Events.Storage;

namespace EcoBid.Events.Queues;

/// <summary>
/// Durable queues with SQS semantics: a received message is invisible for the visibility timeout; each receive
/// counts; a message that was received <see cref="QueueSettings.MaxReceiveCount"/> times without being deleted moves
/// to its dead-letter queue. The acknowledge, release and dead-letter calls take the handler's write scope: an adapter
/// whose queues share the database applies them in that transaction; a broker adapter records them and applies them in
/// <see cref="SettleAsync"/>, once the transaction has committed.
/// </summary>
public interface IMessageQueue
{
    Task<IReadOnlyList<QueueMessage>> ReceiveAsync(string queue, QueueSettings settings, CancellationToken cancellationToken);

    /// <summary>
    /// Receives in the caller's write transaction: the receive, and the receive counts it adds, commit with the scope.
    /// A consumer uses it to take its next batch in the commit that acknowledges the last one. An adapter whose queues
    /// are not in that database cannot, and returns <c>null</c>; the consumer then receives on its own.
    /// </summary>
    Task<IReadOnlyList<QueueMessage>?> ReceiveAsync(IWriteScope scope, string queue, QueueSettings settings) =>
        Task.FromResult<IReadOnlyList<QueueMessage>?>(null);

    Task AcknowledgeAsync(IWriteScope scope, QueueMessage message);

    /// <summary>
    /// Called by the consumer once the write transaction that handled <paramref name="batch"/> has ended, whether it
    /// committed or failed. An adapter whose queues share the database has nothing left to do (its acknowledgements
    /// committed with the effects). A broker adapter now applies the acknowledgements, releases and dead-letters that
    /// committed, and hands every other message of the batch back for redelivery: a crash before this call leaves the
    /// messages unacknowledged, so the broker redelivers them and the inbox keeps their effects single.
    /// </summary>
    Task SettleAsync(IReadOnlyList<QueueMessage> batch, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Starts the visibility timeout of <paramref name="batch"/>'s messages again: the consumer holds them while the
    /// store is unreachable and will handle them once it is back. An adapter whose queues are in that store cannot
    /// (and need not: nothing expires there while it is down), so the default does nothing; a broker adapter keeps the
    /// deliveries from being handed back, which would spend a receive each.
    /// </summary>
    void Keep(IReadOnlyList<QueueMessage> batch)
    {
    }

    /// <summary>
    /// Enqueues a message in the caller's transaction, visible at once when it commits. <paramref name="messageKey"/>
    /// is the inbox key (see <see cref="QueueMessage.MessageKey"/>). The caller wakes the queue's consumers after commit.
    /// </summary>
    Task EnqueueAsync(IWriteScope scope, string queue, string eventId, string messageKey, string body);

    /// <summary>
    /// Makes the message visible again after <paramref name="delay"/>, remembering the reason it failed. Like an SQS
    /// receipt handle, it acts only for the latest receive: once the visibility timeout passed and another consumer
    /// received the message, a late release from the earlier one changes nothing.
    /// </summary>
    Task ReleaseAsync(IWriteScope scope, QueueMessage message, TimeSpan delay, string reason);

    /// <summary>
    /// Moves the message to its dead-letter queue. Acts only for the latest receive, like <see cref="ReleaseAsync"/>:
    /// returns <c>false</c> when the message was received again since (or already moved), so the caller does not
    /// announce a dead letter that did not happen.
    /// </summary>
    Task<bool> DeadLetterAsync(IWriteScope scope, QueueMessage message, string reason);

    /// <summary>
    /// Records work that failed outside a consumer straight into <paramref name="queue"/>'s dead-letter queue, in the
    /// caller's transaction (an email skipped while its channel was down, say): listed, redriven and purged like any
    /// dead letter, and handled by the queue's consumer once redriven.
    /// </summary>
    Task DeadLetterNewAsync(IWriteScope scope, string queue, string eventId, string messageKey, string body, string reason);

    /// <summary>
    /// When the queue's earliest message becomes visible, if it has one. A time in the past means a message is visible
    /// now (one may have become visible since the last receive): a consumer must not sleep past it.
    /// </summary>
    Task<DateTimeOffset?> NextVisibleAtAsync(string queue, CancellationToken cancellationToken);

    Task<IReadOnlyList<QueueStats>> GetStatsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(string queue, int max, CancellationToken cancellationToken);

    /// <summary>Moves dead letters back to their source queue, as new messages with a receive count of zero.</summary>
    /// <param name="ids">The dead letters to move; <c>null</c> for all of the queue's.</param>
    Task<int> RedriveAsync(string queue, IReadOnlyCollection<long>? ids, int max, CancellationToken cancellationToken);

    Task<int> PurgeDeadLettersAsync(string queue, CancellationToken cancellationToken);
}
