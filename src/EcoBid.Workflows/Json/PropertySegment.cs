using System.Text.Json.Nodes;

namespace EcoBid.Workflows.Json;

/// <summary><c>.name</c> or <c>['name']</c>.</summary>
internal sealed class PropertySegment(string name) : PathSegment
{
    public string Name { get; } = name;

    public override bool IsDefinite => true;

    public override bool IsReference => true;

    public override string Normalized => "['" + Name + "']";

    public override void Select(JsonNode? node, JsonNode? root, List<JsonNode?> output)
    {
        if (node is JsonObject obj && obj.TryGetPropertyValue(Name, out var value)) output.Add(value);
    }
}
