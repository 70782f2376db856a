using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EcoBid.Events.Envelope;

/// <summary>The wire form of <see cref="EventEnvelope"/>: EventBridge's field names, ISO-8601 UTC time.</summary>
public static class EventEnvelopeJson
{
    public static string Serialize(EventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, envelope);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void Write(Utf8JsonWriter writer, EventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(envelope);
        writer.WriteStartObject();
        writer.WriteString("version", envelope.Version);
        writer.WriteString("id", envelope.Id);
        writer.WriteString("detail-type", envelope.DetailType);
        writer.WriteString("source", envelope.Source);
        writer.WriteString("account", envelope.Account);
        writer.WriteString("time", FormatTime(envelope.Time));
        writer.WriteString("region", envelope.Region);
        writer.WriteStartArray("resources");
        foreach (var resource in envelope.Resources)
        {
            writer.WriteStringValue(resource);
        }

        writer.WriteEndArray();
        writer.WritePropertyName("detail");
        envelope.Detail.WriteTo(writer);
        writer.WriteNumber("detail-version", envelope.DetailVersion);
        WriteOptional(writer, "correlation-id", envelope.CorrelationId);
        WriteOptional(writer, "traceparent", envelope.TraceParent);
        WriteOptional(writer, "replay-name", envelope.ReplayName);
        writer.WriteEndObject();
    }

    public static EventEnvelope Deserialize(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Read(document.RootElement);
    }

    public static EventEnvelope Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("An event envelope must be a JSON object.");
        }

        return new EventEnvelope
        {
            Version = OptionalString(root, "version") ?? EventEnvelope.CurrentVersion,
            Id = RequiredString(root, "id"),
            Source = RequiredString(root, "source"),
            DetailType = RequiredString(root, "detail-type"),
            Time = DateTimeOffset.Parse(RequiredString(root, "time"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            Detail = root.TryGetProperty("detail", out var detail) ? detail.Clone() : EmptyObject(),
            DetailVersion = root.TryGetProperty("detail-version", out var dv) && dv.ValueKind == JsonValueKind.Number ? dv.GetInt32() : 1,
            Account = OptionalString(root, "account") ?? "ecobid",
            Region = OptionalString(root, "region") ?? "local",
            Resources = root.TryGetProperty("resources", out var resources) && resources.ValueKind == JsonValueKind.Array
                ? [.. resources.EnumerateArray().Select(r => r.GetString() ?? string.Empty)]
                : [],
            CorrelationId = OptionalString(root, "correlation-id"),
            TraceParent = OptionalString(root, "traceparent"),
            ReplayName = OptionalString(root, "replay-name"),
        };
    }

    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static JsonElement EmptyObject()
    {
        using var document = JsonDocument.Parse("{}");
        return document.RootElement.Clone();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static string RequiredString(JsonElement root, string name) =>
        OptionalString(root, name) ?? throw new JsonException($"The event envelope has no '{name}'.");

    private static string? OptionalString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
