using System.Text.Json.Nodes;

namespace EcoBid.Server.Aws.Protocol;

/// <summary>The JSON protocols' timestamps: epoch seconds with the milliseconds as a fraction, a JSON number.</summary>
public static class AwsTimestamps
{
    public static JsonNode ToJson(DateTimeOffset time) => JsonValue.Create(time.ToUnixTimeMilliseconds() / 1000m);

    public static JsonNode? ToJson(DateTimeOffset? time) => time is { } t ? ToJson(t) : null;
}
