using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace EcoBid.Workflows.Execution;

/// <summary>
/// Everything an execution needs to continue, as plain JSON-serialisable data. Persist it after every
/// <see cref="Advance"/> (with the events and before carrying out the commands) and pass it back to
/// <see cref="WorkflowInterpreter.Resume"/>; use <see cref="Serialize"/> / <see cref="Deserialize"/>.
/// </summary>
public sealed class ExecutionSnapshot
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ExecutionArn { get; set; } = "";

    public string Name { get; set; } = "";

    public string StateMachineArn { get; set; } = "";

    public string StateMachineName { get; set; } = "";

    public string RoleArn { get; set; } = "";

    public JsonNode? Input { get; set; }

    public DateTimeOffset StartTime { get; set; }

    public int RedriveCount { get; set; }

    public ExecutionStatus Status { get; set; }

    public JsonNode? Output { get; set; }

    public string? Error { get; set; }

    public string? Cause { get; set; }

    public DateTimeOffset? StopTime { get; set; }

    /// <summary>The id of the last history event written.</summary>
    public long LastEventId { get; set; }

    public long NextFrameId { get; set; }

    /// <summary>Counter of continuation timers (see <see cref="WorkflowLimits.MaxTransitionsPerAdvance"/>).</summary>
    public long ContinueSequence { get; set; }

    public string? TimeoutTimerId { get; set; }

    /// <summary>Live frames; the machine's frame has id 0.</summary>
    public List<FrameSnapshot> Frames { get; set; } = [];

    public string Serialize() => JsonSerializer.Serialize(this, Options);

    public static ExecutionSnapshot Deserialize(string json) =>
        JsonSerializer.Deserialize<ExecutionSnapshot>(json, Options) ?? throw new JsonException("The snapshot is empty");
}
