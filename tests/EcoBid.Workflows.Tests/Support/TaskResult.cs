using System.Text.Json.Nodes;

namespace EcoBid.Workflows.Tests.Support;

/// <summary>What a fake task returns: an output, or an error (or nothing, to leave it running).</summary>
public sealed record TaskResult(JsonNode? Output, string? Error = null, string? Cause = null, bool Pending = false)
{
    public static TaskResult Ok(JsonNode? output) => new(output);

    public static TaskResult Ok(string json) => new(JsonNode.Parse(json));

    public static TaskResult Fail(string error, string? cause = null) => new(null, error, cause);

    public static TaskResult Hang { get; } = new(null, Pending: true);
}
