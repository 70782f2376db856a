using EcoBid.Events.Outbox;

namespace EcoBid.Events.RabbitMq;

/// <summary>
/// The outbox dispatch when the queues are on RabbitMQ: the storage adapter's outbox still holds, archives and removes
/// events (read by one relay at a time, as that adapter arranges), and this publishes each event to each of its
/// targets' queues first, waiting for the broker's confirms, then has the storage archive and remove it. A crash
/// between the two publishes the events again after the restart (at least once; the inbox de-duplicates); a failed
/// publish leaves them in the outbox for the relay's next try. Nothing is lost.
/// </summary>
public sealed class RabbitMqOutboxStore(IOutboxStore storage, RabbitMqMessageQueue queue, TimeProvider clock) : IOutboxStore
{
    public Task<IReadOnlyList<OutboxEntry>> ReadPendingAsync(int max, CancellationToken cancellationToken) => storage.ReadPendingAsync(max, cancellationToken);

    public async Task<IReadOnlyCollection<string>> DispatchAsync(IReadOnlyList<RoutedEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var now = clock.GetUtcNow();
        foreach (var routed in events)
        {
            foreach (var target in routed.Targets)
            {
                await queue.PublishNewAsync(target, routed.EventId, routed.EventId, routed.EnvelopeJson, now, cancellationToken);
            }
        }

        // Archive and remove only: the storage enqueues nothing for events without targets.
        await storage.DispatchAsync([.. events.Select(e => e with { Targets = [] })], cancellationToken);

        // The broker wakes the consumers it delivers to; there is no stored queue to signal.
        return [];
    }
}
