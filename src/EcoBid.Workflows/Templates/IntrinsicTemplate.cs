using System.Text.Json.Nodes;
using EcoBid.Workflows.Evaluation;
using EcoBid.Workflows.Intrinsics;

namespace EcoBid.Workflows.Templates;

/// <summary>A <c>"key.$": "States.Fn(…)"</c> member.</summary>
internal sealed class IntrinsicTemplate(string field, IntrinsicFunction function) : PayloadTemplate
{
    public IntrinsicFunction Function { get; } = function;

    public override bool UsesTaskToken => Uses(Function);

    public override JsonNode? Evaluate(EvaluationContext context) => Function.Evaluate(context, field);

    private static bool Uses(IntrinsicFunction f) => f.Arguments.Any(a => a switch
    {
        PathArgument p => p.Path.Text.StartsWith("$$.Task", StringComparison.Ordinal),
        CallArgument c => Uses(c.Function),
        _ => false,
    });
}
