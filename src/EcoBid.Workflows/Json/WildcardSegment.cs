using System.Text.Json.Nodes;

namespace EcoBid.Workflows.Json;

/// <summary><c>.*</c> or <c>[*]</c>: every member of an object or element of an array.</summary>
internal sealed class WildcardSegment : PathSegment
{
    public override bool IsDefinite => false;

    public override string Normalized => "[*]";

    public override void Select(JsonNode? node, JsonNode? root, List<JsonNode?> output)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array) output.Add(item);
                break;
            case JsonObject obj:
                foreach (var (_, value) in obj) output.Add(value);
                break;
        }
    }
}
