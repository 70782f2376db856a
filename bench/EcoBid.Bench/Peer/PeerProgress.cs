using System.Diagnostics;

namespace EcoBid.Bench.Peer;

/// <summary>
/// Counts handled events and keeps each one's latency: the handler's commit (observed right after it) minus the moment
/// the writer started the write, both read from <see cref="Stopwatch"/> in this one process, so both systems are timed
/// by the same clock at the same two points. Completes when the expected number has been handled.
/// </summary>
internal sealed class PeerProgress
{
    private readonly Lock _gate = new();
    private readonly List<double> _latencies = [];
    private TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _expected;
    private int _handled;
    private long _since;

    /// <summary>Starts counting towards <paramref name="expected"/> handled events, forgetting earlier ones.</summary>
    public Task Expect(int expected)
    {
        lock (_gate)
        {
            _expected = expected;
            _handled = 0;
            _since = Stopwatch.GetTimestamp();
            _latencies.Clear();
            _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _done.Task;
        }
    }

    /// <summary>Handled events of the current round so far.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _handled;
            }
        }
    }

    /// <summary>
    /// Called once the handler's transaction for the event written at <paramref name="writtenAt"/> committed. An event
    /// written before the current round began is not counted (a round waits for all of its own, so it can only be a
    /// message an aborted earlier run left on the broker).
    /// </summary>
    public void Handled(long writtenAt)
    {
        var latency = Stopwatch.GetElapsedTime(writtenAt).TotalMilliseconds;
        lock (_gate)
        {
            if (writtenAt < _since)
            {
                return;
            }

            _latencies.Add(latency);
            if (++_handled == _expected)
            {
                _done.TrySetResult();
            }
        }
    }

    public LatencySummary Latency()
    {
        lock (_gate)
        {
            return LatencySummary.Of(_latencies.ToArray());
        }
    }
}
