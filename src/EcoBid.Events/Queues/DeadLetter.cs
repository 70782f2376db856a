namespace EcoBid.Events.Queues;

/// <summary>A message in a dead-letter queue, with what went wrong on its last receive.</summary>
public sealed record DeadLetter(
    long Id,
    string SourceQueue,
    string EventId,
    string MessageKey,
    int ReceiveCount,
    string? LastError,
    DateTimeOffset EnqueuedAt,
    DateTimeOffset DeadLetteredAt,
    string Body);
