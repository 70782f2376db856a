using System.Text.Json.Nodes;

namespace EcoBid.Server.Aws.Protocol;

/// <summary>Building responses: AWS leaves out a member that has no value rather than sending null.</summary>
internal static class JsonOutput
{
    public static JsonObject With(this JsonObject json, string name, JsonNode? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }

        return json;
    }

    public static JsonObject With(this JsonObject json, string name, string? value) => json.With(name, value is null ? null : JsonValue.Create(value));
}
