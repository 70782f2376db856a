using System.Text.Json.Nodes;

namespace EcoBid.Workflows.Testing;

/// <summary>A task TestState asks the host to run (when the request has no mock).</summary>
public sealed record TaskInvocation(string Resource, JsonNode? Arguments, string StateName, int? TimeoutSeconds, int? HeartbeatSeconds);

/// <summary>What a task returned: an output, or an error name and cause.</summary>
public sealed record TaskOutcome(JsonNode? Output, string? Error = null, string? Cause = null)
{
    public bool Failed => Error is not null;

    public static TaskOutcome Success(JsonNode? output) => new(output);

    public static TaskOutcome Failure(string error, string? cause) => new(null, error, cause);
}
