namespace EcoBid.Events.Queues;

/// <summary>
/// A received message. <see cref="MessageKey"/> identifies the delivery for de-duplication: the event id, or the
/// event id and replay name for a replayed delivery. <see cref="ReceiveCount"/> includes this receive.
/// </summary>
public sealed record QueueMessage(
    long Id,
    string Queue,
    string EventId,
    string MessageKey,
    string Body,
    int ReceiveCount,
    DateTimeOffset EnqueuedAt);
