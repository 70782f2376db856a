using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using EcoBid.Events.Monitoring;

namespace EcoBid.Bench;

/// <summary>
/// Listens to the runtime's own metrics (meter <c>EcoBid.Events</c>): every handled message and its event → handler
/// commit latency. Unlike <see cref="RuntimeMonitor.Recent"/>, which is a bounded window, this sees every measurement.
/// </summary>
internal sealed class PipelineProbe : IDisposable
{
    public const string HandledInstrument = "ecobid.messages.handled";
    public const string LatencyInstrument = "ecobid.messages.latency";
    public const string FailedInstrument = "ecobid.messages.failed";

    private readonly MeterListener _listener = new();
    private ProbePhase? _phase;
    private long _failed;

    /// <param name="scope">The host's meter factory: only that host's instruments are counted.</param>
    public PipelineProbe(object? scope)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == RuntimeMonitor.MeterName
                && (instrument.Meter.Scope is null || ReferenceEquals(instrument.Meter.Scope, scope))
                && instrument.Name is HandledInstrument or LatencyInstrument or FailedInstrument)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnCount);
        _listener.SetMeasurementEventCallback<double>(OnLatency);
        _listener.Start();
    }

    /// <summary>Handler attempts that threw, since the probe started.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Starts counting afresh; the phase completes once <paramref name="expected"/> messages were handled.</summary>
    public ProbePhase Begin(long expected)
    {
        var phase = new ProbePhase(expected);
        Volatile.Write(ref _phase, phase);
        return phase;
    }

    public void Dispose() => _listener.Dispose();

    private static string QueueOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "queue")
            {
                return tag.Value as string ?? "?";
            }
        }

        return "?";
    }

    private void OnCount(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (instrument.Name == FailedInstrument)
        {
            Interlocked.Add(ref _failed, value);
            return;
        }

        Volatile.Read(ref _phase)?.Handled(QueueOf(tags), value);
    }

    private void OnLatency(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state) =>
        Volatile.Read(ref _phase)?.Latency(value);
}

/// <summary>One measured stretch: handled counts per queue and every latency sample.</summary>
internal sealed class ProbePhase(long expected)
{
    private long _expected = expected;
    private readonly TaskCompletionSource<TimeSpan> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, long> _perQueue = new(StringComparer.Ordinal);
    private readonly List<double> _latencies = new((int)Math.Min(expected, 100_000));
    private readonly Lock _gate = new();
    private readonly long _started = Stopwatch.GetTimestamp();
    private long _handled;

    public long Expected => Interlocked.Read(ref _expected);

    /// <summary>Sets how many handled messages complete the phase, once that is known.</summary>
    public void Expect(long count)
    {
        Interlocked.Exchange(ref _expected, count);
        TryComplete();
    }

    public long HandledCount => Interlocked.Read(ref _handled);

    /// <summary>Completes with the time from <see cref="ProbePhase"/> creation to the last expected handler commit.</summary>
    public Task<TimeSpan> Completion => _done.Task;

    public IReadOnlyDictionary<string, long> PerQueue => _perQueue;

    public IReadOnlyList<double> Latencies
    {
        get
        {
            lock (_gate)
            {
                return [.. _latencies];
            }
        }
    }

    internal void Handled(string queue, long value)
    {
        _perQueue.AddOrUpdate(queue, value, (_, n) => n + value);
        Interlocked.Add(ref _handled, value);
        TryComplete();
    }

    internal void Latency(double milliseconds)
    {
        lock (_gate)
        {
            _latencies.Add(milliseconds);
        }

        TryComplete();
    }

    private void TryComplete()
    {
        // The runtime counts a message before it records its latency: wait for both, so no sample is missed.
        int samples;
        lock (_gate)
        {
            samples = _latencies.Count;
        }

        var wanted = Interlocked.Read(ref _expected);
        if (Interlocked.Read(ref _handled) >= wanted && samples >= wanted)
        {
            _done.TrySetResult(Stopwatch.GetElapsedTime(_started));
        }
    }
}
