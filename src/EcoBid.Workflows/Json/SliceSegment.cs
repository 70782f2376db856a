using System.Text.Json.Nodes;

namespace EcoBid.Workflows.Json;

/// <summary><c>[from:to]</c>, <c>[:to]</c>, <c>[from:]</c> (Jayway has no step).</summary>
internal sealed class SliceSegment(int? from, int? to) : PathSegment
{
    public override bool IsDefinite => false;

    public override string Normalized => "[" + from + ":" + to + "]";

    public override void Select(JsonNode? node, JsonNode? root, List<JsonNode?> output)
    {
        if (node is not JsonArray array) return;
        var count = array.Count;
        var start = from ?? 0;
        if (start < 0) start = Math.Max(0, count + start);
        var end = to ?? count;
        if (end < 0) end = count + end;
        end = Math.Min(end, count);
        for (var i = start; i < end; i++) output.Add(array[i]);
    }
}
