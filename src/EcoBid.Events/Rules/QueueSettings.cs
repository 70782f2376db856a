namespace EcoBid.Events.Rules;

/// <summary>
/// How a target's durable queue behaves, with SQS's meaning for each setting. Defaults follow SQS and the
/// architecture brief: dead-letter after 3 receives, 30 s visibility, exponential backoff with full jitter.
/// </summary>
public sealed record QueueSettings
{
    /// <summary>Receives after which a failing message moves to the dead-letter queue.</summary>
    public int MaxReceiveCount { get; init; } = 3;

    /// <summary>How long a received message stays invisible to other consumers before it is delivered again.</summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many consumers of this target run at once.</summary>
    public int Concurrency { get; init; } = 1;

    /// <summary>Messages taken in one receive and handled in one transaction (each in its own savepoint).</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>First retry delay ceiling; doubles per receive up to <see cref="BackoffCap"/>.</summary>
    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan BackoffCap { get; init; } = TimeSpan.FromMinutes(5);
}
