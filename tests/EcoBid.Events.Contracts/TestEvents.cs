using System.Text.Json;
using EcoBid.Events.Envelope;

namespace EcoBid.Events.Contracts;

/// <summary>Envelopes for tests: unique ids, a fixed source, and a detail built from an anonymous object.</summary>
public static class TestEvents
{
    public const string Source = "ecobid.tests";

    public static EventEnvelope Create(string detailType, object? detail = null, string? id = null, DateTimeOffset? time = null) => new()
    {
        Id = id ?? Guid.NewGuid().ToString(),
        Source = Source,
        DetailType = detailType,
        Time = time ?? new DateTimeOffset(2030, 3, 1, 9, 0, 0, TimeSpan.Zero),
        Detail = JsonSerializer.SerializeToElement(detail ?? new { }),
    };
}
