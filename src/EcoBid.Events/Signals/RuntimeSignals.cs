using System.Collections.Concurrent;

namespace EcoBid.Events.Signals;

/// <summary>
/// In-process wake-ups: a commit that wrote to the outbox wakes the relay, an enqueue wakes that queue's consumers,
/// a new timer wakes the timer loop. Work written by another process is found by the loops' idle re-check.
/// </summary>
public sealed class RuntimeSignals
{
    private readonly ConcurrentDictionary<string, QueueSignal> _queues = new(StringComparer.Ordinal);

    public AsyncSignal Outbox { get; } = new();

    public AsyncSignal Timers { get; } = new();

    /// <summary>A replay was asked for: wakes the replay runner.</summary>
    public AsyncSignal Replays { get; } = new();

    public QueueSignal Queue(string name) => _queues.GetOrAdd(name, static _ => new QueueSignal());
}
