using System.Text.Json.Nodes;

namespace EcoBid.Workflows.Evaluation;

/// <summary>The variables a state can read: its own scope, then the enclosing ones.</summary>
internal interface IVariableSource
{
    bool TryGet(string name, out JsonNode? value);

    /// <summary>Every visible variable, inner scopes shadowing outer ones (for JSONata bindings and TestState).</summary>
    IEnumerable<KeyValuePair<string, JsonNode?>> All();
}
