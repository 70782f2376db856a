namespace EcoBid.Events.Signals;

/// <summary>
/// A queue's wake-up, which tells apart the two kinds of work a consumer can be woken for: messages stored in the
/// queue (<see cref="Set"/>: dispatched, retried, redriven, replayed; a receive is needed to take them) and messages
/// handed to it in memory, already received (<see cref="Wake"/>: nothing to receive). A consumer woken only for handed
/// messages skips the receive, which would find nothing and still cost a write transaction.
/// </summary>
public sealed class QueueSignal
{
    private readonly AsyncSignal _wake = new();
    private int _stored = 1; // at start-up the queue may hold anything

    /// <summary>Messages may have been stored in the queue: wakes a consumer, which will receive.</summary>
    public void Set()
    {
        Volatile.Write(ref _stored, 1);
        _wake.Set();
    }

    /// <summary>Wakes a consumer for messages handed to it in memory.</summary>
    public void Wake() => _wake.Set();

    /// <summary>Whether stored messages were signalled since the last call; clears the mark (call it before receiving).</summary>
    public bool TakeStored() => Interlocked.Exchange(ref _stored, 0) == 1;

    /// <inheritdoc cref="AsyncSignal.Reset"/>
    public void Reset() => _wake.Reset();

    /// <inheritdoc cref="AsyncSignal.WaitAsync"/>
    public Task<bool> WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken) =>
        _wake.WaitAsync(timeout, clock, cancellationToken);
}
