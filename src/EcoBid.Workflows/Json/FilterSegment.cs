using System.Text.Json.Nodes;

namespace EcoBid.Workflows.Json;

/// <summary><c>[?(expression)]</c>: the elements (or the object itself) for which the expression holds.</summary>
internal sealed class FilterSegment(FilterExpression expression, string text) : PathSegment
{
    public override bool IsDefinite => false;

    public override string Normalized => "[?(" + text + ")]";

    public override void Select(JsonNode? node, JsonNode? root, List<JsonNode?> output)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    if (expression.Test(item, root)) output.Add(item);
                }
                break;
            case JsonObject obj:
                if (expression.Test(obj, root)) output.Add(obj);
                break;
        }
    }
}
