using System.Text.Json.Nodes;
using EcoBid.Workflows.Definition.Choice;
using EcoBid.Workflows.Json;
using EcoBid.Workflows.Templates;

namespace EcoBid.Workflows.Definition;

internal sealed partial class DefinitionParser
{
    private static readonly Dictionary<string, (string Kind, ComparisonOperator Op, bool IsPath)> Comparisons = BuildComparisons();

    private static readonly Dictionary<string, TypeTest> TypeTests = new(StringComparer.Ordinal)
    {
        ["IsNull"] = TypeTest.Null,
        ["IsNumeric"] = TypeTest.Numeric,
        ["IsString"] = TypeTest.String,
        ["IsBoolean"] = TypeTest.Boolean,
        ["IsTimestamp"] = TypeTest.Timestamp,
    };

    private static Dictionary<string, (string, ComparisonOperator, bool)> BuildComparisons()
    {
        var result = new Dictionary<string, (string, ComparisonOperator, bool)>(StringComparer.Ordinal);
        foreach (var kind in new[] { "String", "Numeric", "Timestamp" })
        {
            foreach (var op in Enum.GetValues<ComparisonOperator>())
            {
                result[kind + op] = (kind, op, false);
                result[kind + op + "Path"] = (kind, op, true);
            }
        }
        result["BooleanEquals"] = ("Boolean", ComparisonOperator.Equals, false);
        result["BooleanEqualsPath"] = ("Boolean", ComparisonOperator.Equals, true);
        return result;
    }

    private ChoiceState ParseChoice(FieldReader r, Common c)
    {
        var choices = new List<ChoiceBranch>();
        var array = r.Array("Choices", required: true);
        if (array is not null)
        {
            if (array.Count == 0) r.Error("Choices", "The field 'Choices' must contain at least one rule");
            for (var i = 0; i < array.Count; i++)
            {
                var at = $"{r.Location}/Choices/{i}";
                if (array[i] is not JsonObject ruleObject)
                {
                    Add(DiagnosticCodes.SchemaValidationFailed, "A choice rule must be an OBJECT", at);
                    continue;
                }
                var rr = new FieldReader(ruleObject, at, _diagnostics);
                var next = rr.String("Next", required: true);
                rr.String("Comment");
                var assign = rr.Has("Assign") ? AssignTemplate(rr, "Assign", c.Language) : null;
                PayloadTemplate? output = null;
                ChoiceRule? rule;
                if (c.Language == QueryLanguage.Jsonata)
                {
                    if (rr.Has("Output")) output = JsonataTemplateOf(rr, "Output");
                    rule = ParseCondition(rr);
                }
                else
                {
                    rule = ParseRule(rr);
                }
                rr.RejectUnread();
                if (rule is not null && next is not null) choices.Add(new ChoiceBranch { Rule = rule, Next = next, Assign = assign, Output = output });
            }
        }
        return new ChoiceState
        {
            Name = c.Name, Location = c.Location, QueryLanguage = c.Language, Comment = c.Comment,
            InputPath = c.InputPath, OutputPath = c.OutputPathValue?.Path, Assign = c.Assign, Output = c.Output,
            Choices = choices, Default = r.String("Default"),
        };
    }

    private JsonataConditionRule? ParseCondition(FieldReader r)
    {
        if (!r.Has("Condition"))
        {
            r.Missing("Condition");
            return null;
        }
        var node = r.Raw("Condition");
        if (JsonNodes.TryGetBoolean(node, out _)) return new JsonataConditionRule(new LiteralTemplate(node!.DeepClone()));
        if (JsonNodes.AsString(node) is { } text && Templates.JsonataTemplate.ExpressionOf(text) is not null) return new JsonataConditionRule(JsonataTemplateOf(r, "Condition"));
        r.Error("Condition", "The value for the field 'Condition' must be a JSONata expression or a boolean");
        return null;
    }

    /// <summary>A JSONPath rule: And/Or/Not, or Variable with exactly one operator.</summary>
    private ChoiceRule? ParseRule(FieldReader r)
    {
        foreach (var combinator in new[] { "And", "Or" })
        {
            if (!r.Has(combinator)) continue;
            var list = r.Array(combinator);
            if (list is null) return null;
            if (list.Count == 0) r.Error(combinator, $"The field '{combinator}' must contain at least one rule");
            var rules = new List<ChoiceRule>();
            for (var i = 0; i < list.Count; i++)
            {
                var at = $"{r.At(combinator)}/{i}";
                if (list[i] is not JsonObject o)
                {
                    Add(DiagnosticCodes.SchemaValidationFailed, "A choice rule must be an OBJECT", at);
                    continue;
                }
                var nested = new FieldReader(o, at, _diagnostics);
                nested.String("Comment");
                var rule = ParseRule(nested);
                nested.RejectUnread();
                if (rule is not null) rules.Add(rule);
            }
            return combinator == "And" ? new AndRule(rules) : new OrRule(rules);
        }
        if (r.Has("Not"))
        {
            var o = r.ObjectField("Not");
            if (o is null) return null;
            var nested = new FieldReader(o, r.At("Not"), _diagnostics);
            nested.String("Comment");
            var rule = ParseRule(nested);
            nested.RejectUnread();
            return rule is null ? null : new NotRule(rule);
        }

        var variable = r.Path("Variable");
        var operators = r.Object.Select(p => p.Key).Where(k => Comparisons.ContainsKey(k) || TypeTests.ContainsKey(k) || k is "IsPresent" or "StringMatches").ToList();
        if (!r.Has("Variable")) r.Missing("Variable");
        if (operators.Count != 1)
        {
            r.Error("", operators.Count == 0 ? "A choice rule must have a comparison operator" : "A choice rule must have exactly one comparison operator");
            r.Accept([.. operators]);
            return null;
        }
        var op = operators[0];
        var value = r.Raw(op);
        if (variable is null) return null;

        if (op == "IsPresent" || TypeTests.ContainsKey(op))
        {
            if (!JsonNodes.TryGetBoolean(value, out var expected))
            {
                r.Error(op, $"The value for the field '{op}' must be a BOOLEAN");
                return null;
            }
            return op == "IsPresent" ? new IsPresentRule(variable, expected) : new TypeTestRule(variable, TypeTests[op], expected);
        }
        if (op == "StringMatches")
        {
            if (JsonNodes.AsString(value) is { } pattern) return new StringMatchesRule(variable, pattern);
            r.Error(op, "The value for the field 'StringMatches' must be a STRING");
            return null;
        }

        var (kind, comparison, isPath) = Comparisons[op];
        ComparisonOperand operand;
        if (isPath)
        {
            var path = JsonNodes.AsString(value) is { } text ? r.ParsePath(op, text, false) : null;
            if (path is null)
            {
                if (!JsonNodes.IsString(value)) r.Error(op, $"The value for the field '{op}' must be a valid JSONPath");
                return null;
            }
            operand = new ComparisonOperand(null, path);
        }
        else
        {
            var ok = kind switch
            {
                "String" => JsonNodes.IsString(value),
                "Numeric" => JsonNodes.IsNumber(value),
                "Boolean" => JsonNodes.IsBoolean(value),
                _ => Rfc3339.TryParse(JsonNodes.AsString(value), out _),
            };
            if (!ok)
            {
                var expected = kind switch { "String" => "a STRING", "Numeric" => "a NUMBER", "Boolean" => "a BOOLEAN", _ => "a valid RFC3339 timestamp" };
                r.Error(op, $"The value for the field '{op}' must be {expected}");
                return null;
            }
            operand = new ComparisonOperand(value!.DeepClone(), null);
        }
        return kind switch
        {
            "String" => new StringComparisonRule(variable, comparison, operand),
            "Numeric" => new NumericComparisonRule(variable, comparison, operand),
            "Boolean" => new BooleanEqualsRule(variable, operand),
            _ => new TimestampComparisonRule(variable, comparison, operand),
        };
    }
}
