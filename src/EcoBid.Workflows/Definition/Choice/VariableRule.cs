using System.Text.Json.Nodes;
using EcoBid.Workflows.Evaluation;
using EcoBid.Workflows.Json;

namespace EcoBid.Workflows.Definition.Choice;

/// <summary>A rule on the value at <c>Variable</c>.</summary>
internal abstract class VariableRule(JsonPath variable) : ChoiceRule
{
    public JsonPath Variable { get; } = variable;

    internal override bool Evaluate(EvaluationContext context) => Test(Resolve(context, Variable), context);

    protected abstract bool Test(JsonNode? value, EvaluationContext context);

    internal static JsonNode? Resolve(EvaluationContext context, JsonPath path)
    {
        if (context.TryResolve(path, out var value)) return value;
        throw context.Runtime($"Invalid path '{path.Text}': The choice state's condition path references an invalid value.");
    }
}
