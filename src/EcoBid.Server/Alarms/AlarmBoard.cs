using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace EcoBid.Server.Alarms;

/// <summary>
/// The latest reading and state of each alarm this process evaluates, for <c>/admin/alarms</c> and for meter
/// <c>EcoBid.Alarms</c>: <c>ecobid.alarms.state</c> (1 in alarm, 0 not) and <c>ecobid.alarms.value</c>, tagged by alarm.
/// </summary>
public sealed class AlarmBoard : IDisposable
{
    public const string MeterName = "EcoBid.Alarms";

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Meter _meter;

    public AlarmBoard(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _meter.CreateObservableGauge("ecobid.alarms.state", () => _entries.Select(e => new Measurement<int>(e.Value.InAlarm ? 1 : 0, Tag(e.Key))), description: "1 while the alarm is raised");
        _meter.CreateObservableGauge("ecobid.alarms.value", () => _entries.Where(e => e.Value.Reading.Value is not null).Select(e => new Measurement<double>(e.Value.Reading.Value!.Value, Tag(e.Key))), description: "The alarm's last evaluated value, in its unit");
    }

    public void Record(string alarm, AlarmReading reading, bool inAlarm, DateTimeOffset at) => _entries[alarm] = new Entry(reading, inAlarm, at);

    public Entry? Find(string alarm) => _entries.GetValueOrDefault(alarm);

    public void Dispose() => _meter.Dispose();

    private static KeyValuePair<string, object?> Tag(string alarm) => new("alarm", alarm);

    /// <summary>The last evaluation: its reading, the state after it, and when it was made.</summary>
    public sealed record Entry(AlarmReading Reading, bool InAlarm, DateTimeOffset EvaluatedAt);
}
