namespace EcoBid.Events.Outbox;

/// <summary>The relay's view of the outbox.</summary>
public interface IOutboxStore
{
    Task<IReadOnlyList<OutboxEntry>> ReadPendingAsync(int max, CancellationToken cancellationToken);

    /// <summary>
    /// Archives each event, enqueues it on each of its targets' queues and removes it from the outbox. An adapter
    /// whose queues share the database does all of it in one transaction; one with an external broker enqueues first,
    /// then archives and removes, so a crash between the two re-sends (at least once) and never loses an event.
    /// </summary>
    /// <returns>The targets whose queues now hold new messages to be received (not handed over in memory).</returns>
    Task<IReadOnlyCollection<string>> DispatchAsync(IReadOnlyList<RoutedEvent> events, CancellationToken cancellationToken);
}
