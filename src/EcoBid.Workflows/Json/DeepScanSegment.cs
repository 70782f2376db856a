using System.Text.Json.Nodes;

namespace EcoBid.Workflows.Json;

/// <summary><c>..</c> followed by a step: that step applied to the node and every descendant.</summary>
internal sealed class DeepScanSegment(PathSegment inner) : PathSegment
{
    public override bool IsDefinite => false;

    public override string Normalized => ".." + inner.Normalized;

    public override void Select(JsonNode? node, JsonNode? root, List<JsonNode?> output)
    {
        inner.Select(node, root, output);
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array) Select(item, root, output);
                break;
            case JsonObject obj:
                foreach (var (_, value) in obj) Select(value, root, output);
                break;
        }
    }
}
