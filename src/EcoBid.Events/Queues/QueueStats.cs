namespace EcoBid.Events.Queues;

/// <summary>A queue's depth as SQS reports it, with the age of its oldest message.</summary>
public sealed record QueueStats(
    string Queue,
    long Visible,
    long InFlight,
    long Delayed,
    long DeadLettered,
    DateTimeOffset? OldestEnqueuedAt);
