using System.Collections.Concurrent;
using EcoBid.Events.Rules;
using EcoBid.Events.Signals;

namespace EcoBid.Events.Queues;

/// <summary>
/// One target's handed-over messages (see <see cref="QueueHandoff"/>). Room is reserved before the dispatching
/// transaction and filled after it commits (or given back if it fails); it holds at most one batch per consumer.
/// </summary>
public sealed class QueueMailbox
{
    private readonly ConcurrentQueue<QueueMessage> _mail = new();
    private readonly QueueSignal _signal;
    private readonly int _capacity;
    private int _consumers;
    private int _reserved;

    // Bumped whenever a message for this target is stored instead of handed over; the consumers record the value they
    // last saw before a receive that emptied the store. Equal values mean nothing is stored ahead of a new message.
    private long _storedVersion;
    private long _caughtUpAt = -1;

    internal QueueMailbox(RuleTarget target, QueueSignal signal)
    {
        Target = target.Name;
        VisibilityTimeout = target.Queue.VisibilityTimeout;
        _capacity = Math.Max(1, target.Queue.BatchSize * target.Queue.Concurrency);
        _signal = signal;
    }

    public string Target { get; }

    /// <summary>How long a handed message stays invisible to receives, as after a receive of the queue.</summary>
    public TimeSpan VisibilityTimeout { get; }

    /// <summary>Messages delivered and not taken yet.</summary>
    public int Count => _mail.Count;

    /// <summary>Whether a dispatch now would hand a message over (a consumer runs and has caught up), room permitting.</summary>
    public bool TakesHandoffs => Volatile.Read(ref _consumers) > 0 && Volatile.Read(ref _caughtUpAt) == Volatile.Read(ref _storedVersion);

    /// <summary>The store's version before a receive, for <see cref="MarkCaughtUp"/>.</summary>
    public long StoredVersion => Volatile.Read(ref _storedVersion);

    /// <summary>A receive begun at <paramref name="version"/> found less than a batch: the store held nothing older.</summary>
    public void MarkCaughtUp(long version) => Volatile.Write(ref _caughtUpAt, version);

    /// <summary>Hands over a message whose dispatch has committed, and wakes a consumer.</summary>
    public void Deliver(QueueMessage message)
    {
        _mail.Enqueue(message);
        _signal.Wake();
    }

    /// <summary>Gives back room reserved for a message whose dispatch did not commit.</summary>
    public void Release() => Interlocked.Decrement(ref _reserved);

    /// <summary>Takes up to <paramref name="max"/> delivered messages; an empty list when there are none.</summary>
    public IReadOnlyList<QueueMessage> Take(int max)
    {
        if (_mail.IsEmpty)
        {
            return [];
        }

        var taken = new List<QueueMessage>(Math.Min(max, _mail.Count));
        while (taken.Count < max && _mail.TryDequeue(out var message))
        {
            taken.Add(message);
        }

        Interlocked.Add(ref _reserved, -taken.Count);
        return taken;
    }

    /// <summary>A consumer stops: once none is left, nothing more is handed over (what was is still in flight in the store).</summary>
    public void Close() => Interlocked.Decrement(ref _consumers);

    internal void AddConsumer() => Interlocked.Increment(ref _consumers);

    internal bool TryReserve()
    {
        while (true)
        {
            var reserved = Volatile.Read(ref _reserved);
            if (!TakesHandoffs || reserved >= _capacity)
            {
                // The message is stored instead: whatever comes after it waits until a receive has taken it.
                Interlocked.Increment(ref _storedVersion);
                return false;
            }

            if (Interlocked.CompareExchange(ref _reserved, reserved + 1, reserved) == reserved)
            {
                return true;
            }
        }
    }
}
