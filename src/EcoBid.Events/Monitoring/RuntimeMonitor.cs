using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace EcoBid.Events.Monitoring;

/// <summary>
/// Counts what the runtime does (System.Diagnostics.Metrics, meter <c>EcoBid.Events</c>) and keeps a bounded window of
/// recent activity that tests and operators can wait on, instead of sleeping and hoping.
/// </summary>
public sealed class RuntimeMonitor : IDisposable
{
    public const string MeterName = "EcoBid.Events";
    private const int WindowSize = 20_000;

    private readonly ConcurrentQueue<RuntimeActivity> _recent = new();
    private readonly List<Waiter> _waiters = [];
    private readonly Lock _gate = new();
    private readonly Meter _meter;
    private readonly Counter<long> _dispatched;
    private readonly Counter<long> _handled;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _deadLettered;
    private readonly Histogram<double> _latency;
    private readonly Histogram<double> _duration;
    private readonly Histogram<double> _timerLateness;

    public RuntimeMonitor(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _dispatched = _meter.CreateCounter<long>("ecobid.events.dispatched", description: "Events routed from the outbox");
        _handled = _meter.CreateCounter<long>("ecobid.messages.handled", description: "Messages a handler completed");
        _failed = _meter.CreateCounter<long>("ecobid.messages.failed", description: "Handler attempts that threw");
        _deadLettered = _meter.CreateCounter<long>("ecobid.messages.dead_lettered", description: "Messages moved to a dead-letter queue");
        _latency = _meter.CreateHistogram<double>("ecobid.messages.latency", unit: "ms", description: "Event time to handler commit");
        _duration = _meter.CreateHistogram<double>("ecobid.messages.duration", unit: "ms", description: "Time a handler attempt ran in its transaction");
        _timerLateness = _meter.CreateHistogram<double>("ecobid.timers.lateness", unit: "ms", description: "Due time to the commit that fired the timer");
    }

    public void Record(RuntimeActivity activity, TimeSpan? latency = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var tag = new KeyValuePair<string, object?>("queue", activity.Queue);
        switch (activity.Kind)
        {
            case RuntimeActivityKind.Dispatched: _dispatched.Add(1); break;
            case RuntimeActivityKind.Handled: _handled.Add(1, tag); break;
            case RuntimeActivityKind.Failed: _failed.Add(1, tag); break;
            case RuntimeActivityKind.DeadLettered: _deadLettered.Add(1, tag); break;
            default: break;
        }

        if (latency is { } value)
        {
            if (activity.Kind == RuntimeActivityKind.TimerFired)
            {
                _timerLateness.Record(value.TotalMilliseconds);
            }
            else
            {
                _latency.Record(value.TotalMilliseconds, tag);
            }
        }

        if (activity.Duration is { } duration && _duration.Enabled)
        {
            _duration.Record(duration.TotalMilliseconds, tag);
        }

        // Appending and notifying under the gate that WaitForAsync scans and registers under: otherwise a wait that
        // starts in between counts the activity once as seen and once more as it is notified.
        lock (_gate)
        {
            _recent.Enqueue(activity);
            while (_recent.Count > WindowSize && _recent.TryDequeue(out _))
            {
            }

            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                var waiter = _waiters[i];
                if (waiter.Predicate(activity) && --waiter.Remaining <= 0)
                {
                    waiter.Completion.TrySetResult(activity);
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    public IReadOnlyList<RuntimeActivity> Recent => [.. _recent];

    /// <summary>
    /// Completes with the <paramref name="count"/>-th activity (counting those already in the recent window, and those
    /// still to come) that satisfies the predicate; throws <see cref="TimeoutException"/> when the timeout passes first.
    /// </summary>
    public async Task<RuntimeActivity> WaitForAsync(Func<RuntimeActivity, bool> predicate, TimeSpan timeout, int count = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var waiter = new Waiter(predicate, new TaskCompletionSource<RuntimeActivity>(TaskCreationOptions.RunContinuationsAsynchronously)) { Remaining = count };
        lock (_gate)
        {
            foreach (var seen in _recent)
            {
                if (predicate(seen) && --waiter.Remaining <= 0)
                {
                    return seen;
                }
            }

            _waiters.Add(waiter);
        }

        try
        {
            return await waiter.Completion.Task.WaitAsync(timeout, cancellationToken);
        }
        finally
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }
        }
    }

    public void Dispose() => _meter.Dispose();

    private sealed record Waiter(Func<RuntimeActivity, bool> Predicate, TaskCompletionSource<RuntimeActivity> Completion)
    {
        public int Remaining { get; set; }
    }
}
