using System.Text.Json;

namespace EcoBid.Events.Envelope;

/// <summary>
/// An event as it travels through EcoBid, in the shape of an EventBridge event: <c>version</c>, <c>id</c>,
/// <c>source</c>, <c>detail-type</c>, <c>time</c>, <c>detail</c>, plus the correlation id, W3C trace context and,
/// for re-deliveries from the archive, the replay name. Metadata lives here, never in the detail.
/// </summary>
public sealed record EventEnvelope
{
    public const string CurrentVersion = "0";

    public required string Id { get; init; }
    public required string Source { get; init; }
    public required string DetailType { get; init; }
    public required DateTimeOffset Time { get; init; }
    public required JsonElement Detail { get; init; }
    public string Version { get; init; } = CurrentVersion;

    /// <summary>Schema version of <see cref="Detail"/> for its detail-type.</summary>
    public int DetailVersion { get; init; } = 1;

    public string Account { get; init; } = "ecobid";
    public string Region { get; init; } = "local";
    public IReadOnlyList<string> Resources { get; init; } = [];
    public string? CorrelationId { get; init; }
    public string? TraceParent { get; init; }
    public string? ReplayName { get; init; }

    public string ToJson() => EventEnvelopeJson.Serialize(this);

    public static EventEnvelope FromJson(string json) => EventEnvelopeJson.Deserialize(json);
}
