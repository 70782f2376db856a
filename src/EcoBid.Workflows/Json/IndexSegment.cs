using System.Text.Json.Nodes;

namespace EcoBid.Workflows.Json;

/// <summary><c>[n]</c>, negative from the end; <c>[a,b]</c> for several.</summary>
internal sealed class IndexSegment(IReadOnlyList<int> indexes) : PathSegment
{
    public IReadOnlyList<int> Indexes { get; } = indexes;

    public override bool IsDefinite => Indexes.Count == 1;

    public override bool IsReference => Indexes.Count == 1 && Indexes[0] >= 0;

    public override string Normalized => "[" + string.Join(",", Indexes) + "]";

    public override void Select(JsonNode? node, JsonNode? root, List<JsonNode?> output)
    {
        if (node is not JsonArray array) return;
        foreach (var index in Indexes)
        {
            var effective = index < 0 ? array.Count + index : index;
            if (effective >= 0 && effective < array.Count) output.Add(array[effective]);
        }
    }
}
