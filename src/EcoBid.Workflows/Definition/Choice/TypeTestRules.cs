using System.Text.Json.Nodes;
using EcoBid.Workflows.Evaluation;
using EcoBid.Workflows.Json;

namespace EcoBid.Workflows.Definition.Choice;

/// <summary>IsPresent: whether the Variable path selects anything (never an error).</summary>
internal sealed class IsPresentRule(JsonPath variable, bool expected) : ChoiceRule
{
    internal override bool Evaluate(EvaluationContext context)
    {
        var present = context.TryResolve(variable, out var value) && !(!variable.IsDefinite && value is JsonArray { Count: 0 });
        return present == expected;
    }
}

/// <summary>IsNull, IsNumeric, IsString, IsBoolean, IsTimestamp: a type test against <c>true</c> or <c>false</c>.</summary>
internal sealed class TypeTestRule(JsonPath variable, TypeTest test, bool expected) : VariableRule(variable)
{
    protected override bool Test(JsonNode? value, EvaluationContext context)
    {
        var actual = test switch
        {
            TypeTest.Null => value is null,
            TypeTest.Numeric => JsonNodes.IsNumber(value),
            TypeTest.String => JsonNodes.IsString(value),
            TypeTest.Boolean => JsonNodes.IsBoolean(value),
            _ => Rfc3339.TryParse(JsonNodes.AsString(value), out _),
        };
        return actual == expected;
    }
}

internal enum TypeTest
{
    Null,
    Numeric,
    String,
    Boolean,
    Timestamp,
}
