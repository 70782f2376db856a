using System.Text.Json.Nodes;

namespace EcoBid.Workflows.Evaluation;

/// <summary>Variables held in one JSON object (TestState's <c>variables</c>).</summary>
internal sealed class ObjectVariables(JsonObject variables) : IVariableSource
{
    public bool TryGet(string name, out JsonNode? value) => variables.TryGetPropertyValue(name, out value);

    public IEnumerable<KeyValuePair<string, JsonNode?>> All() => variables;
}
