using System.Text.Json.Nodes;
using EcoBid.Jsonata;
using EcoBid.Workflows.Definition;

namespace EcoBid.Workflows.Testing;

/// <summary>What <see cref="StateTester"/> needs from the host.</summary>
public sealed class StateTesterOptions
{
    /// <summary>Runs a Task state's resource when the request has no mock.</summary>
    public Func<TaskInvocation, CancellationToken, Task<TaskOutcome>>? InvokeTask { get; init; }

    public JsonataEngine? Jsonata { get; init; }

    public TaskResourceValidator? ResourceValidator { get; init; }

    public Func<DateTimeOffset> Clock { get; init; } = () => DateTimeOffset.UtcNow;

    public Random Random { get; init; } = Random.Shared;

    /// <summary>Limit on payloads and variables (256 KiB); null for none.</summary>
    public int? MaxPayloadBytes { get; init; } = 256 * 1024;

    internal static JsonObject DefaultContext(string stateName, JsonNode? input, DateTimeOffset now, string? roleArn) => new()
    {
        ["Execution"] = new JsonObject
        {
            ["Id"] = "arn:aws:states:us-east-1:123456789012:execution:TestStateMachine:test-state",
            ["Input"] = input?.DeepClone(),
            ["Name"] = "test-state",
            ["RoleArn"] = roleArn ?? "",
            ["StartTime"] = Json.Rfc3339.Format(now),
            ["RedriveCount"] = 0,
        },
        ["State"] = new JsonObject
        {
            ["EnteredTime"] = Json.Rfc3339.Format(now),
            ["Name"] = stateName,
            ["RetryCount"] = 0,
        },
        ["StateMachine"] = new JsonObject
        {
            ["Id"] = "arn:aws:states:us-east-1:123456789012:stateMachine:TestStateMachine",
            ["Name"] = "TestStateMachine",
        },
    };
}
