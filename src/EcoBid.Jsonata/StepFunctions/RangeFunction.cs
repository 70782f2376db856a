using System.Text.Json.Nodes;

namespace EcoBid.Jsonata.StepFunctions;

/// <summary>
/// <c>$range(start, end, step)</c>: start, start + step, ... up to and including end (down to it for a negative
/// step); empty when step points away from end.
/// </summary>
internal static class RangeFunction
{
    /// <summary>The same cap as JSONata's range operator <c>[a..b]</c>.</summary>
    private const long MaxItems = 10_000_000;

    public static JsonataFunction Definition { get; } = new("<nnn:a<n>>", Range);

    private static JsonataResult Range(IReadOnlyList<JsonNode?> args)
    {
        var start = Arguments.Number(args, 0, "range", "start");
        var end = Arguments.Number(args, 1, "range", "end");
        var step = Arguments.Number(args, 2, "range", "step");
        if (step == 0 || double.IsNaN(step))
        {
            throw Arguments.Invalid("range", "step must not be zero");
        }

        var count = Math.Floor((end - start) / step) + 1;
        if (count > MaxItems)
        {
            throw Arguments.Invalid("range", $"the range would hold {count} values, more than {MaxItems}");
        }

        var values = new JsonArray();
        for (long i = 0; i < count; i++)
        {
            values.Add(JsonValue.Create(start + (i * step)));
        }

        return JsonataResult.Of(values);
    }
}
