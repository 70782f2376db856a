using System.Text.Json.Nodes;

namespace EcoBid.Workflows.Json;

/// <summary><c>['a','b']</c>: the listed properties that exist.</summary>
internal sealed class MultiPropertySegment(IReadOnlyList<string> names) : PathSegment
{
    public override bool IsDefinite => false;

    public override string Normalized => "[" + string.Join(",", names.Select(n => "'" + n + "'")) + "]";

    public override void Select(JsonNode? node, JsonNode? root, List<JsonNode?> output)
    {
        if (node is not JsonObject obj) return;
        foreach (var name in names)
        {
            if (obj.TryGetPropertyValue(name, out var value)) output.Add(value);
        }
    }
}
