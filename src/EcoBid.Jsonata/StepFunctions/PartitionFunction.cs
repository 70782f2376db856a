using System.Text.Json.Nodes;

namespace EcoBid.Jsonata.StepFunctions;

/// <summary><c>$partition(array, chunkSize)</c>: consecutive chunks of <c>chunkSize</c> items, the last one shorter.</summary>
internal static class PartitionFunction
{
    public static JsonataFunction Definition { get; } = new("<an:a<a>>", Partition);

    private static JsonataResult Partition(IReadOnlyList<JsonNode?> args)
    {
        var items = Arguments.At(args, 0) as JsonArray ?? throw Arguments.Invalid("partition", "array must be an array");
        var size = Arguments.Integer(args, 1, "partition", "chunkSize");
        if (size < 1)
        {
            throw Arguments.Invalid("partition", "chunkSize must be a positive integer");
        }

        var chunks = new JsonArray();
        for (var start = 0; start < items.Count; start += (int)Math.Min(size, int.MaxValue))
        {
            var chunk = new JsonArray();
            for (var i = start; i < items.Count && i - start < size; i++)
            {
                chunk.Add(items[i]?.DeepClone());
            }

            chunks.Add(chunk);
        }

        return JsonataResult.Of(chunks);
    }
}
