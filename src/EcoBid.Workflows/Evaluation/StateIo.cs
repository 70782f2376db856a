using System.Text.Json.Nodes;
using EcoBid.Workflows.Definition;
using EcoBid.Workflows.Json;
using EcoBid.Workflows.Templates;

namespace EcoBid.Workflows.Evaluation;

/// <summary>JSONPath input and output processing: InputPath, ResultPath, OutputPath, Assign, and the payload size limit.</summary>
internal static class StateIo
{
    /// <summary>InputPath: absent is <c>$</c>; null gives <c>{}</c>.</summary>
    public static JsonNode? InputPath(OptionalPath? path, JsonNode? input, EvaluationContext context) => Select(path, input, context);

    /// <summary>OutputPath: absent is <c>$</c>; null gives <c>{}</c>.</summary>
    public static JsonNode? OutputPath(OptionalPath? path, JsonNode? value, EvaluationContext context) => Select(path, value, context);

    private static JsonNode? Select(OptionalPath? path, JsonNode? value, EvaluationContext context)
    {
        if (path is null) return value;
        if (path.IsNull) return new JsonObject();
        if (path.Path!.Segments.Count == 0 && path.Path.Root == PathRoot.Input) return value;
        var resolved = path.Path.Root == PathRoot.Input ? path.Path.TryEvaluate(value, value, out var v) : context.WithInput(value).TryResolve(path.Path, out v);
        if (!resolved) throw context.Runtime($"Invalid path '{path.Path.Text}' : No results for path: {path.Path.Normalized}");
        return v;
    }

    /// <summary>ResultPath: absent is <c>$</c> (the result replaces the input); null keeps the input; a path puts the result into a copy of the input.</summary>
    public static JsonNode? ResultPath(OptionalPath? path, JsonNode? input, JsonNode? result, EvaluationContext context)
    {
        if (path is null) return result;
        if (path.IsNull) return input;
        var segments = path.Path!.Segments;
        if (segments.Count == 0) return result;
        var root = input?.DeepClone();
        if (root is null && segments[0] is PropertySegment) root = new JsonObject();
        JsonNode? node = root;
        for (var i = 0; i < segments.Count; i++)
        {
            var last = i == segments.Count - 1;
            switch (segments[i])
            {
                case PropertySegment property when node is JsonObject obj:
                    if (last)
                    {
                        obj[property.Name] = JsonNodes.Detach(result);
                        return root;
                    }
                    if (!obj.TryGetPropertyValue(property.Name, out var child) || child is null)
                    {
                        child = new JsonObject();
                        obj[property.Name] = child;
                    }
                    node = child;
                    break;
                case IndexSegment index when node is JsonArray array && index.Indexes[0] < array.Count:
                    if (last)
                    {
                        array[index.Indexes[0]] = JsonNodes.Detach(result);
                        return root;
                    }
                    node = array[index.Indexes[0]];
                    break;
                default:
                    throw new StatesErrorException(StatesErrors.ResultPathMatchFailure,
                        $"Unable to apply ResultPath \"{path.Path.Text}\" to input \"{JsonNodes.Serialize(input)}\"");
            }
        }
        return root;
    }

    /// <summary>Evaluates an Assign block fully before anything is assigned.</summary>
    public static IReadOnlyDictionary<string, JsonNode?>? Assign(PayloadTemplate? assign, EvaluationContext context, int? maxBytes)
    {
        if (assign is null) return null;
        if (assign.Evaluate(context) is not JsonObject values) return null;
        var result = new Dictionary<string, JsonNode?>(values.Count, StringComparer.Ordinal);
        var total = 0;
        foreach (var (name, value) in values)
        {
            if (maxBytes is { } max)
            {
                var size = JsonNodes.ByteSize(value);
                total += size;
                if (size > max || total > max)
                {
                    throw new StatesErrorException(StatesErrors.DataLimitExceeded,
                        $"The variable '{name}' or the variables assigned in the state '{context.StateName}' exceed the maximum size of {max} bytes.");
                }
            }
            result[name] = value;
        }
        return result;
    }

    /// <summary>States.DataLimitExceeded when a payload is larger than the limit.</summary>
    public static void CheckSize(JsonNode? value, int? maxBytes, EvaluationContext context)
    {
        if (maxBytes is not { } max) return;
        var size = JsonNodes.ByteSize(value);
        if (size > max)
        {
            throw new StatesErrorException(StatesErrors.DataLimitExceeded,
                $"The state/task '{context.StateName}' returned a result with a size exceeding the maximum number of bytes service limit.");
        }
    }
}
