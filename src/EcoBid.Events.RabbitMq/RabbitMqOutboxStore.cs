using EcoBid.Events.Outbox;

namespace EcoBid.Events.RabbitMq;

/// <summary>
/// The outbox dispatch when the queues are on RabbitMQ: the storage adapter's outbox still holds, archives and removes
/// events (read by one relay at a time, as that adapter arranges), and this publishes each event to each of its
/// targets' queues first (the whole batch, then its confirms), then has the storage archive and remove it. A crash
/// between the two publishes the events again after the restart (at least once; the inbox de-duplicates); a failed
/// publish leaves them in the outbox for the relay's next try. Nothing is lost.
/// </summary>
public sealed class RabbitMqOutboxStore(IOutboxStore storage, RabbitMqMessageQueue queue, TimeProvider clock) : IOutboxStore
{
    public Task<IReadOnlyList<OutboxEntry>> ReadPendingAsync(int max, CancellationToken cancellationToken) => storage.ReadPendingAsync(max, cancellationToken);

    public async Task<IReadOnlyCollection<string>> DispatchAsync(IReadOnlyList<RoutedEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        // One window of confirms for the whole batch, in commit order: the broker keeps each queue's order as sent.
        var messages = events.SelectMany(e => e.Targets.Select(target => (target, e.EventId, e.EventId, e.EnvelopeJson))).ToList();
        await queue.PublishNewAsync(messages, clock.GetUtcNow(), cancellationToken);

        // Archive and remove only: the storage enqueues nothing for events without targets.
        await storage.DispatchAsync([.. events.Select(e => e with { Targets = [] })], cancellationToken);

        // The broker wakes the consumers it delivers to; there is no stored queue to signal.
        return [];
    }
}
