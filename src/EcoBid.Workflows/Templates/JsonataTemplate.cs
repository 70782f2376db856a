using System.Text.Json.Nodes;
using EcoBid.Workflows.Evaluation;
using EcoBid.Workflows.Json;

namespace EcoBid.Workflows.Templates;

/// <summary>A <c>"{% expression %}"</c> string in a JSONata state's template.</summary>
internal sealed class JsonataTemplate(string field, string expression) : PayloadTemplate
{
    public string Expression { get; } = expression;

    public string Field { get; } = field;

    public override bool UsesTaskToken => Expression.Contains("$states.context.Task", StringComparison.Ordinal);

    public override JsonNode? Evaluate(EvaluationContext context)
    {
        if (TryEvaluate(context, out var value)) return value;
        throw context.QueryError($"The JSONata expression '{Expression}' specified for the field '{Field}' returned nothing (undefined).");
    }

    public override bool TryEvaluate(EvaluationContext context, out JsonNode? value)
    {
        var result = context.EvaluateJsonata(Expression, Field);
        value = JsonNodes.Detach(result.Value);
        return result.IsDefined;
    }

    /// <summary>The expression inside <c>{% … %}</c>, or null when the string is not one.</summary>
    public static string? ExpressionOf(string text)
    {
        return text.Length >= 4 && text.StartsWith("{%", StringComparison.Ordinal) && text.EndsWith("%}", StringComparison.Ordinal) ? text[2..^2] : null;
    }
}
