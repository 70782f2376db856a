using EcoBid.Workflows.Evaluation;
using EcoBid.Workflows.Json;
using EcoBid.Workflows.Templates;

namespace EcoBid.Workflows.Definition.Choice;

/// <summary>A JSONata <c>Condition</c>: the expression must give a boolean.</summary>
internal sealed class JsonataConditionRule(PayloadTemplate condition) : ChoiceRule
{
    internal override bool Evaluate(EvaluationContext context)
    {
        var value = condition.Evaluate(context);
        if (JsonNodes.TryGetBoolean(value, out var result)) return result;
        var text = condition is JsonataTemplate t ? t.Expression : JsonNodes.Serialize(value);
        throw context.QueryError($"The JSONata expression '{text}' specified for the field 'Condition' returned an unexpected data type. Expected: boolean, but got: {JsonNodes.TypeName(value)}.");
    }
}
