using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcoBid.Jsonata.StepFunctions;

/// <summary>Reading the arguments JSONata has already checked against a function's signature.</summary>
internal static class Arguments
{
    public static JsonNode? At(IReadOnlyList<JsonNode?> args, int index) => index < args.Count ? args[index] : null;

    public static double Number(IReadOnlyList<JsonNode?> args, int index, string function, string name) =>
        At(args, index) is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            ? double.Parse(value.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture) // whatever CLR number backs it
            : throw Invalid(function, $"{name} must be a number");

    public static double? OptionalNumber(IReadOnlyList<JsonNode?> args, int index, string function, string name) =>
        At(args, index) is null ? null : Number(args, index, function, name);

    public static long Integer(IReadOnlyList<JsonNode?> args, int index, string function, string name)
    {
        var number = Number(args, index, function, name);
        return Math.Floor(number) == number && Math.Abs(number) <= 9007199254740991d
            ? (long)number
            : throw Invalid(function, $"{name} must be an integer");
    }

    public static string Text(IReadOnlyList<JsonNode?> args, int index, string function, string name) =>
        At(args, index) is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : throw Invalid(function, $"{name} must be a string");

    public static JsonataException Invalid(string function, string message) =>
        new(StepFunctionsFunctions.InvalidArgumentCode, $"${function}: {message}");
}
