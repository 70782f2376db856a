using System.Text.Json.Nodes;

namespace EcoBid.Workflows.Json;

/// <summary>One step of a JSONPath: it maps each matched node to the nodes it selects.</summary>
internal abstract class PathSegment
{
    /// <summary>Whether the step selects at most one node (Jayway's "definite" path tokens).</summary>
    public abstract bool IsDefinite { get; }

    /// <summary>Whether the step is allowed in a Reference Path (a plain name or index).</summary>
    public virtual bool IsReference => false;

    /// <summary>The step in Jayway's normalised notation, e.g. <c>['a']</c> or <c>[0]</c>.</summary>
    public abstract string Normalized { get; }

    public abstract void Select(JsonNode? node, JsonNode? root, List<JsonNode?> output);
}
