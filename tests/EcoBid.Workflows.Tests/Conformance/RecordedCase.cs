using System.Text.Json.Nodes;

namespace EcoBid.Workflows.Tests.Conformance;

/// <summary>One entry of <c>aws-recorded-cases.json</c>: a machine, its input, and what AWS does with it.</summary>
public sealed record RecordedCase(string Name, string Definition, string Input, JsonObject Expected, string Source, string? Note)
{
    private static readonly Lazy<IReadOnlyDictionary<string, RecordedCase>> All = new(Load);

    public static IReadOnlyDictionary<string, RecordedCase> Cases => All.Value;

    public override string ToString() => Name;

    private static IReadOnlyDictionary<string, RecordedCase> Load()
    {
        using var stream = typeof(RecordedCase).Assembly.GetManifestResourceStream("aws-recorded-cases.json")
            ?? throw new InvalidOperationException("aws-recorded-cases.json is not embedded");
        var cases = new Dictionary<string, RecordedCase>(StringComparer.Ordinal);
        foreach (var node in JsonNode.Parse(stream)!.AsArray())
        {
            var entry = node!.AsObject();
            var name = (string)entry["name"]!;
            cases.Add(name, new RecordedCase(
                name,
                entry["definition"]!.ToJsonString(),
                entry["input"] is { } input ? input.ToJsonString() : "null",
                entry["expected"]!.AsObject(),
                (string)entry["source"]!,
                (string?)entry["note"]));
        }
        return cases;
    }
}
