using System.Diagnostics.Metrics;
using EcoBid.Server.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace EcoBid.Server.Tests.Infrastructure;

public static class NotificationMetricCollectors
{
    /// <summary>
    /// Collects one of the app's notification counters. The collector listens to this app's meter factory alone, so
    /// other tests' servers in the same process are not heard.
    /// </summary>
    public static MetricCollector<long> CollectNotificationCounter(this EcoBidApp app, string instrument)
    {
        ArgumentNullException.ThrowIfNull(app);
        return new MetricCollector<long>(app.Services.GetRequiredService<IMeterFactory>(), NotificationMetrics.MeterName, instrument);
    }

    /// <summary>The value of <paramref name="tag"/> on a measurement, as the counters write it (a string).</summary>
    public static string? Tag(this CollectedMeasurement<long> measurement, string tag)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        return measurement.Tags.TryGetValue(tag, out var value) ? value as string : null;
    }
}
