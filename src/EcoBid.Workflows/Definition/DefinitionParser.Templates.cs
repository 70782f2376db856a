using System.Text.Json.Nodes;
using EcoBid.Jsonata;
using EcoBid.Workflows.Intrinsics;
using EcoBid.Workflows.Json;
using EcoBid.Workflows.Templates;

namespace EcoBid.Workflows.Definition;

internal sealed partial class DefinitionParser
{
    private const int MaxVariableNameLength = 80;

    private PayloadTemplate JsonPathTemplateOf(FieldReader r, string field) =>
        JsonPathTemplate(r.Raw(field), field, r.At(field), r) ?? new LiteralTemplate(null);

    /// <summary>A JSONPath payload template; returns a literal when nothing in it is dynamic.</summary>
    private PayloadTemplate? JsonPathTemplate(JsonNode? node, string field, string at, FieldReader r)
    {
        switch (node)
        {
            case JsonObject obj:
                var members = new List<KeyValuePair<string, PayloadTemplate>>();
                var dynamic = false;
                foreach (var (key, value) in obj)
                {
                    if (key.EndsWith(".$", StringComparison.Ordinal))
                    {
                        dynamic = true;
                        var template = DynamicMember(key, value, at + "/" + key, r);
                        if (template is not null) members.Add(new(key[..^2], template));
                        continue;
                    }
                    var nested = JsonPathTemplate(value, key, at + "/" + key, r) ?? new LiteralTemplate(null);
                    dynamic |= nested is not LiteralTemplate;
                    members.Add(new(key, nested));
                }
                return dynamic ? new ObjectTemplate(members) : new LiteralTemplate(obj.DeepClone());
            case JsonArray array:
                var items = new List<PayloadTemplate>();
                var any = false;
                for (var i = 0; i < array.Count; i++)
                {
                    var item = JsonPathTemplate(array[i], field, $"{at}/{i}", r) ?? new LiteralTemplate(null);
                    any |= item is not LiteralTemplate;
                    items.Add(item);
                }
                return any ? new ArrayTemplate(items) : new LiteralTemplate(array.DeepClone());
            default:
                return new LiteralTemplate(node?.DeepClone());
        }
    }

    private PayloadTemplate? DynamicMember(string key, JsonNode? value, string at, FieldReader r)
    {
        if (JsonNodes.AsString(value) is not { } text)
        {
            Add(DiagnosticCodes.SchemaValidationFailed, $"The value for the field '{key}' must be a STRING that contains a JSONPath or an intrinsic function call", at);
            return null;
        }
        if (IntrinsicParser.LooksLikeCall(text))
        {
            try
            {
                return new IntrinsicTemplate(key, IntrinsicParser.Parse(text));
            }
            catch (IntrinsicSyntaxException e)
            {
                Add(DiagnosticCodes.SchemaValidationFailed, $"The value for the field '{key}' must be a valid JSONPath or a valid intrinsic function call ({e.Message})", at);
                return null;
            }
        }
        if (!JsonPath.TryParse(text, out var path, out _) || path is null || path.Root == PathRoot.Current)
        {
            Add(DiagnosticCodes.SchemaValidationFailed, $"The value for the field '{key}' must be a valid JSONPath or a valid intrinsic function call", at);
            return null;
        }
        return new PathTemplate(key, path);
    }

    private PayloadTemplate JsonataTemplateOf(FieldReader r, string field) =>
        JsonataNode(r.Raw(field), field, r.At(field));

    /// <summary>A JSONata template: any JSON in which strings of the form <c>{% … %}</c> are expressions.</summary>
    private PayloadTemplate JsonataNode(JsonNode? node, string field, string at)
    {
        switch (node)
        {
            case JsonObject obj:
                var members = new List<KeyValuePair<string, PayloadTemplate>>();
                var dynamic = false;
                foreach (var (key, value) in obj)
                {
                    var nested = JsonataNode(value, field, at + "/" + key);
                    dynamic |= nested is not LiteralTemplate;
                    members.Add(new(key, nested));
                }
                return dynamic ? new ObjectTemplate(members) : new LiteralTemplate(obj.DeepClone());
            case JsonArray array:
                var items = new List<PayloadTemplate>();
                var any = false;
                for (var i = 0; i < array.Count; i++)
                {
                    var item = JsonataNode(array[i], field, $"{at}/{i}");
                    any |= item is not LiteralTemplate;
                    items.Add(item);
                }
                return any ? new ArrayTemplate(items) : new LiteralTemplate(array.DeepClone());
            default:
                if (JsonNodes.AsString(node) is { } text && Templates.JsonataTemplate.ExpressionOf(text) is { } expression)
                {
                    if (string.IsNullOrWhiteSpace(expression))
                    {
                        Add(DiagnosticCodes.SchemaValidationFailed, $"The JSONata expression in the field '{field}' is empty", at);
                    }
                    else if (options.Jsonata is { } engine)
                    {
                        try
                        {
                            engine.Validate(expression);
                        }
                        catch (JsonataException e)
                        {
                            Add(DiagnosticCodes.SchemaValidationFailed, $"The JSONata expression '{expression}' specified for the field '{field}' is invalid: {e.Code}: {e.Message}", at);
                        }
                    }
                    return new Templates.JsonataTemplate(field, expression);
                }
                return new LiteralTemplate(node?.DeepClone());
        }
    }

    /// <summary>An <c>Assign</c> block: an object whose keys are variable names (<c>name.$</c> in JSONPath for paths).</summary>
    private PayloadTemplate? AssignTemplate(FieldReader r, string field, QueryLanguage language)
    {
        var obj = r.ObjectField(field);
        if (obj is null) return null;
        foreach (var (key, _) in obj)
        {
            var name = language == QueryLanguage.JsonPath && key.EndsWith(".$", StringComparison.Ordinal) ? key[..^2] : key;
            if (!IsVariableName(name)) Add(DiagnosticCodes.SchemaValidationFailed, $"The variable name '{name}' is invalid: it must start with a letter or '_', contain only letters, digits and '_', and be at most {MaxVariableNameLength} characters", r.At(field) + "/" + key);
        }
        return language == QueryLanguage.Jsonata ? JsonataTemplateOf(r, field) : JsonPathTemplateOf(r, field);
    }

    private static bool IsVariableName(string name) =>
        name.Length is > 0 and <= MaxVariableNameLength && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_') && name != "states";

    /// <summary>The names an Assign block sets.</summary>
    internal static IEnumerable<string> AssignedNames(PayloadTemplate? assign) => assign switch
    {
        ObjectTemplate o => o.Members.Select(m => m.Key),
        LiteralTemplate { Value: JsonObject obj } => obj.Select(p => p.Key),
        _ => [],
    };

    /// <summary>Map and Parallel branches may read outer variables but not assign them.</summary>
    private void CheckVariableScopes(StateMachineBranch branch, HashSet<string> outer)
    {
        var here = new HashSet<string>(outer, StringComparer.Ordinal);
        var assignments = new List<(string Name, string At)>();
        foreach (var state in branch.States.Values)
        {
            foreach (var name in AssignedNames(state.Assign)) assignments.Add((name, state.Location + "/Assign"));
            if (state is ChoiceState choice)
            {
                for (var i = 0; i < choice.Choices.Count; i++)
                {
                    foreach (var name in AssignedNames(choice.Choices[i].Assign)) assignments.Add((name, $"{state.Location}/Choices/{i}/Assign"));
                }
            }
            if (state is ErrorHandlingState handler)
            {
                for (var i = 0; i < handler.Catch.Count; i++)
                {
                    foreach (var name in AssignedNames(handler.Catch[i].Assign)) assignments.Add((name, $"{state.Location}/Catch/{i}/Assign"));
                }
            }
        }
        foreach (var (name, at) in assignments)
        {
            if (outer.Contains(name)) Add(DiagnosticCodes.SchemaValidationFailed, $"The variable '{name}' is assigned in an outer scope and cannot be assigned inside a Map or Parallel state", at);
            here.Add(name);
        }
        foreach (var state in branch.States.Values)
        {
            if (state is ParallelState parallel)
            {
                foreach (var b in parallel.Branches) CheckVariableScopes(b, here);
            }
            else if (state is MapState map)
            {
                CheckVariableScopes(map.Processor, here);
            }
        }
    }
}
