using System.Text.Json.Nodes;
using EcoBid.Workflows.Evaluation;

namespace EcoBid.Workflows.Templates;

/// <summary>A parsed payload template (Parameters, ResultSelector, ItemSelector, Assign, Arguments, Output): evaluated to a fresh JSON value.</summary>
internal abstract class PayloadTemplate
{
    public abstract JsonNode? Evaluate(EvaluationContext context);

    /// <summary>Like <see cref="Evaluate"/>, but a JSONata expression with no value gives false (its member is left out).</summary>
    public virtual bool TryEvaluate(EvaluationContext context, out JsonNode? value)
    {
        value = Evaluate(context);
        return true;
    }

    /// <summary>Whether evaluating it may read <c>$$.Task.Token</c> (a task then gets a token).</summary>
    public virtual bool UsesTaskToken => false;
}

/// <summary>A constant: copied each time, since a node can belong to one container only.</summary>
internal sealed class LiteralTemplate(JsonNode? value) : PayloadTemplate
{
    public JsonNode? Value { get; } = value;

    public override JsonNode? Evaluate(EvaluationContext context) => Value?.DeepClone();
}

/// <summary>An object whose members are templates; <c>"key.$"</c> members become <c>"key"</c>.</summary>
internal sealed class ObjectTemplate(IReadOnlyList<KeyValuePair<string, PayloadTemplate>> members) : PayloadTemplate
{
    public IReadOnlyList<KeyValuePair<string, PayloadTemplate>> Members { get; } = members;

    public override bool UsesTaskToken => Members.Any(m => m.Value.UsesTaskToken);

    public override JsonNode? Evaluate(EvaluationContext context)
    {
        var result = new JsonObject();
        foreach (var (key, template) in Members)
        {
            if (template.TryEvaluate(context, out var value)) result[key] = Json.JsonNodes.Detach(value);
        }
        return result;
    }
}

internal sealed class ArrayTemplate(IReadOnlyList<PayloadTemplate> items) : PayloadTemplate
{
    public IReadOnlyList<PayloadTemplate> Items { get; } = items;

    public override bool UsesTaskToken => Items.Any(m => m.UsesTaskToken);

    public override JsonNode? Evaluate(EvaluationContext context)
    {
        var result = new JsonArray();
        foreach (var item in Items)
        {
            if (item.TryEvaluate(context, out var value)) result.Add(Json.JsonNodes.Detach(value));
        }
        return result;
    }
}
