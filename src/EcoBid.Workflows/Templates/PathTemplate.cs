using System.Text.Json.Nodes;
using EcoBid.Workflows.Evaluation;
using EcoBid.Workflows.Json;

namespace EcoBid.Workflows.Templates;

/// <summary>A <c>"key.$": "$.path"</c> member (input, <c>$$.</c> context or <c>$variable</c> path).</summary>
internal sealed class PathTemplate(string field, JsonPath path) : PayloadTemplate
{
    public JsonPath Path { get; } = path;

    public override bool UsesTaskToken => Path.Root == PathRoot.Context && Path.Text.StartsWith("$$.Task", StringComparison.Ordinal);

    public override JsonNode? Evaluate(EvaluationContext context)
    {
        if (!context.TryResolve(Path, out var value))
        {
            throw context.Runtime($"The JSONPath '{Path.Text}' specified for the field '{field}' could not be found in the input '{JsonNodes.Serialize(context.DocumentFor(Path))}'");
        }
        return value;
    }
}
