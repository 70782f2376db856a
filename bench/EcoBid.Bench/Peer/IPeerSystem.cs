namespace EcoBid.Bench.Peer;

/// <summary>
/// One way of building the peer workload: a write that stores a row and announces it, carried over RabbitMQ to one
/// consumer whose handler stores one effect row per event, once, in its own transaction.
/// </summary>
internal interface IPeerSystem : IAsyncDisposable
{
    string Name { get; }

    /// <summary>What the system does per event, for the report.</summary>
    string Pipeline { get; }

    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>One write and its event; <paramref name="writtenAt"/> (a Stopwatch timestamp) travels in the event.</summary>
    Task WriteAsync(long writtenAt, CancellationToken cancellationToken);

    /// <summary>Effect rows stored so far.</summary>
    Task<long> EffectsAsync(CancellationToken cancellationToken);
}
