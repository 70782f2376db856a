using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcoBid.Server.Events;

/// <summary>The one set of JSON options for event details and API bodies: camelCase, strict numbers.</summary>
public static class EcoBidJson
{
    public static JsonSerializerOptions Web { get; } = Create();

    public static void Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = JsonNamingPolicy.CamelCase;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
        options.MaxDepth = 32;
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        Apply(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
