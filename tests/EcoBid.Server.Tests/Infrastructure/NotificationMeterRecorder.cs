using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using EcoBid.Server.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace EcoBid.Server.Tests.Infrastructure;

/// <summary>
/// Records one app's notification counters (its own meter factory: other tests' servers are not heard), each
/// measurement as its instrument and tags.
/// </summary>
public sealed class NotificationMeterRecorder : IDisposable
{
    private readonly MeterListener _listener;
    private readonly ConcurrentQueue<(string Instrument, Dictionary<string, string?> Tags)> _measurements = new();

    public NotificationMeterRecorder(EcoBidApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var factory = app.Services.GetRequiredService<IMeterFactory>();
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == NotificationMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                values[tag.Key] = tag.Value as string;
            }

            _measurements.Enqueue((instrument.Name, values));
        });
        _listener.Start();
    }

    /// <summary>The tags of every measurement of <paramref name="instrument"/> so far.</summary>
    public IReadOnlyList<Dictionary<string, string?>> Of(string instrument) =>
        [.. _measurements.Where(m => m.Instrument == instrument).Select(m => m.Tags)];

    public void Dispose() => _listener.Dispose();
}
