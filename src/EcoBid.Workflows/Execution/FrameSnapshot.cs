using System.Text.Json.Nodes;

namespace EcoBid.Workflows.Execution;

/// <summary>
/// One thread of an execution, persisted in <see cref="ExecutionSnapshot.Frames"/>: the machine's own (id 0), or a
/// Parallel branch / Map iteration (with its parent frame's id). A finished frame is removed, so a Map keeps only
/// its running iterations.
/// </summary>
public sealed class FrameSnapshot
{
    public long Id { get; set; }

    /// <summary>The frame running the Parallel or Map state this frame belongs to.</summary>
    public long? ParentId { get; set; }

    /// <summary>The branch location (see <c>StateMachineBranch.Location</c>); empty for the machine.</summary>
    public string Branch { get; set; } = "";

    /// <summary>Parallel branch index or Map iteration index.</summary>
    public int Index { get; set; }

    /// <summary>Readable path for ids, e.g. <c>Map[3]/Parallel[1]</c>; empty for the machine.</summary>
    public string Path { get; set; } = "";

    public FramePhase Phase { get; set; }

    /// <summary>The current state's name.</summary>
    public string State { get; set; } = "";

    /// <summary>The current state's raw input.</summary>
    public JsonNode? Input { get; set; }

    /// <summary>For a waiting Task: the input after InputPath, kept for Retry (JSONPath) and <c>$states.input</c>.</summary>
    public JsonNode? EffectiveInput { get; set; }

    public long EnteredEventId { get; set; }

    public DateTimeOffset EnteredTime { get; set; }

    /// <summary>The id of the last history event of this frame (its next event's previousEventId).</summary>
    public long LastEventId { get; set; }

    /// <summary>Retries made per retrier index in this state visit.</summary>
    public Dictionary<int, int>? RetryCounts { get; set; }

    /// <summary>Total retries in this visit (<c>$$.State.RetryCount</c>).</summary>
    public int RetryCount { get; set; }

    public string? InvocationId { get; set; }

    public string? TaskToken { get; set; }

    public string? TimerId { get; set; }

    public string? TimeoutTimerId { get; set; }

    public string? HeartbeatTimerId { get; set; }

    public int HeartbeatSeconds { get; set; }

    public int HeartbeatSequence { get; set; }

    /// <summary>Variables assigned in this frame's scope.</summary>
    public JsonObject? Variables { get; set; }

    /// <summary>For Map: the items (or batches) not yet started are read from here; cleared when the Map ends.</summary>
    public JsonArray? Items { get; set; }

    /// <summary>For Map and Parallel: outputs by index (null until done).</summary>
    public JsonArray? Results { get; set; }

    public int NextIndex { get; set; }

    public int Running { get; set; }

    public int Completed { get; set; }

    public int Failures { get; set; }

    public int MaxConcurrency { get; set; }

    public double? ToleratedFailureCount { get; set; }

    public double? ToleratedFailurePercentage { get; set; }

    /// <summary>For a Map over <c>$$.Map.Item</c> context: the processed input (ItemSelector source).</summary>
    public JsonNode? MapInput { get; set; }
}
