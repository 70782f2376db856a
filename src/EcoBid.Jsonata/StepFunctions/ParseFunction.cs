using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcoBid.Jsonata.StepFunctions;

/// <summary><c>$parse(jsonString)</c>: the value the JSON text stands for (any JSON value, not only objects).</summary>
internal static class ParseFunction
{
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 1000 };

    public static JsonataFunction Definition { get; } = new("<s:j>", Parse);

    private static JsonataResult Parse(IReadOnlyList<JsonNode?> args)
    {
        if (Arguments.At(args, 0) is null)
        {
            return JsonataResult.Undefined;
        }

        var text = Arguments.Text(args, 0, "parse", "jsonString");
        try
        {
            return JsonataResult.Of(JsonNode.Parse(text, NodeOptions, DocumentOptions));
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            throw Arguments.Invalid("parse", "jsonString is not valid JSON: " + ex.Message);
        }
    }
}
