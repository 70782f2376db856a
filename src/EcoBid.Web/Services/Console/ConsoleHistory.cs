using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EcoBid.Web.Services.Console;

/// <summary>
/// The last hour of the runtime for the console's charts: messages handled per minute (from the runtime's own
/// <c>ecobid.messages.handled</c> counter, listened to in process) and total queue depth every
/// <see cref="SampleEvery"/> (through <see cref="IQueueDepthSource"/>). Kept in memory: a restart starts a new hour.
/// </summary>
public sealed class ConsoleHistory(IServiceProvider services, TimeProvider clock) : BackgroundService
{
    public const string RuntimeMeter = "EcoBid.Events";
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);
    public static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<long, long> _handledPerMinute = new();
    private readonly ConcurrentDictionary<(string Queue, long Minute), long> _handledByQueue = new();
    private readonly ConcurrentQueue<(DateTimeOffset At, long Depth)> _depth = new();
    private MeterListener? _listener;

    /// <summary>Handled messages per second, averaged over each minute of the last hour (oldest first).</summary>
    public IReadOnlyList<(DateTimeOffset At, double PerSecond)> HandledPerSecond()
    {
        var now = clock.GetUtcNow();
        var thisMinute = now.ToUnixTimeSeconds() / 60;
        return Enumerable.Range(0, 60).Select(i => thisMinute - 59 + i)
            .Select(minute => (DateTimeOffset.FromUnixTimeSeconds(minute * 60), _handledPerMinute.GetValueOrDefault(minute) / 60.0))
            .ToList();
    }

    public IReadOnlyList<(DateTimeOffset At, double Depth)> Depth() => _depth.Select(s => (s.At, (double)s.Depth)).ToList();

    /// <summary>Messages one target handled in the last hour.</summary>
    public long HandledLastHour(string queue)
    {
        var minute = clock.GetUtcNow().ToUnixTimeSeconds() / 60;
        return _handledByQueue.Where(e => e.Key.Queue == queue && e.Key.Minute > minute - 60).Sum(e => e.Value);
    }

    public void Record(long handled, string? queue = null)
    {
        var minute = clock.GetUtcNow().ToUnixTimeSeconds() / 60;
        _handledPerMinute.AddOrUpdate(minute, handled, (_, total) => total + handled);
        if (queue is not null)
        {
            _handledByQueue.AddOrUpdate((queue, minute), handled, (_, total) => total + handled);
        }

        if (minute % 5 == 0)
        {
            foreach (var old in _handledPerMinute.Keys.Where(m => m < minute - 60))
            {
                _handledPerMinute.TryRemove(old, out _);
            }

            foreach (var old in _handledByQueue.Keys.Where(k => k.Minute < minute - 60))
            {
                _handledByQueue.TryRemove(old, out _);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == RuntimeMeter && instrument.Name == "ecobid.messages.handled")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? queue = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "queue")
                {
                    queue = tag.Value as string;
                }
            }

            Record(value, queue);
        });
        _listener.Start();

        var source = services.GetService<IQueueDepthSource>();
        if (source is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(SampleEvery, clock);
        do
        {
            try
            {
                var depths = await source.DepthsAsync(stoppingToken);
                _depth.Enqueue((clock.GetUtcNow(), depths.Values.Sum()));
                while (_depth.TryPeek(out var oldest) && clock.GetUtcNow() - oldest.At > Window)
                {
                    _depth.TryDequeue(out _);
                }
            }
            catch (Exception) when (!stoppingToken.IsCancellationRequested)
            {
                // A missed sample leaves a gap in the chart; the next tick tries again. That includes a cancellation
                // that is not ours: the broker client's own timeout while RabbitMQ restarts, which must not end the host.
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override void Dispose()
    {
        _listener?.Dispose();
        base.Dispose();
    }
}
