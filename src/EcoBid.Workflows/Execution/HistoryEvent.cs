using System.Text.Json.Nodes;
using EcoBid.Workflows.Json;

namespace EcoBid.Workflows.Execution;

/// <summary>
/// One GetExecutionHistory event. The payload fields hold the values themselves; <see cref="ToJson"/> renders the
/// event as AWS does (<c>{"id", "previousEventId", "timestamp", "type", "xxxEventDetails": {…}}</c>, payloads as JSON text).
/// </summary>
public sealed class HistoryEvent
{
    public required long Id { get; init; }

    public required long PreviousEventId { get; init; }

    /// <summary>AWS's event type, e.g. <c>TaskStateEntered</c> (see <see cref="HistoryEventTypes"/>).</summary>
    public required string Type { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The state's name (state and Map iteration events).</summary>
    public string? Name { get; init; }

    public bool HasInput { get; init; }

    public JsonNode? Input { get; init; }

    public bool HasOutput { get; init; }

    public JsonNode? Output { get; init; }

    public string? Error { get; init; }

    public string? Cause { get; init; }

    public string? ResourceType { get; init; }

    public string? Resource { get; init; }

    /// <summary>TaskScheduled's <c>parameters</c>.</summary>
    public JsonNode? Parameters { get; init; }

    public int? TimeoutInSeconds { get; init; }

    public int? HeartbeatInSeconds { get; init; }

    /// <summary>MapIteration events' <c>index</c>.</summary>
    public int? Index { get; init; }

    /// <summary>MapStateStarted's <c>length</c>.</summary>
    public int? Length { get; init; }

    /// <summary>StateExited's <c>assignedVariables</c> (name → value).</summary>
    public IReadOnlyDictionary<string, JsonNode?>? AssignedVariables { get; init; }

    public string? RoleArn { get; init; }

    /// <summary>The event as GetExecutionHistory returns it.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["previousEventId"] = PreviousEventId,
            ["timestamp"] = Rfc3339.Format(Timestamp),
            ["type"] = Type,
        };
        var detailsName = HistoryEventTypes.DetailsProperty(Type);
        if (detailsName is null) return json;
        var details = new JsonObject();
        if (Name is not null) details["name"] = Name;
        if (Index is not null) details["index"] = Index;
        if (Length is not null) details["length"] = Length;
        if (Type == HistoryEventTypes.LambdaFunctionScheduled)
        {
            details["resource"] = Resource;
            if (TimeoutInSeconds is not null) details["timeoutInSeconds"] = TimeoutInSeconds;
        }
        else
        {
            if (ResourceType is not null) details["resourceType"] = ResourceType;
            if (Resource is not null) details["resource"] = Resource;
        }
        if (Type == HistoryEventTypes.TaskScheduled)
        {
            details["region"] = "us-east-1";
            details["parameters"] = JsonNodes.Serialize(Parameters);
            if (TimeoutInSeconds is not null) details["timeoutInSeconds"] = TimeoutInSeconds;
            if (HeartbeatInSeconds is not null) details["heartbeatInSeconds"] = HeartbeatInSeconds;
        }
        if (HasInput)
        {
            details["input"] = JsonNodes.Serialize(Input);
            details["inputDetails"] = new JsonObject { ["truncated"] = false };
        }
        if (RoleArn is not null) details["roleArn"] = RoleArn;
        if (HasOutput)
        {
            details["output"] = JsonNodes.Serialize(Output);
            details["outputDetails"] = new JsonObject { ["truncated"] = false };
        }
        if (AssignedVariables is not null)
        {
            var assigned = new JsonObject();
            foreach (var (name, value) in AssignedVariables) assigned[name] = JsonNodes.Serialize(value);
            details["assignedVariables"] = assigned;
            details["assignedVariablesDetails"] = new JsonObject { ["truncated"] = false };
        }
        if (Error is not null) details["error"] = Error;
        if (Cause is not null) details["cause"] = Cause;
        json[detailsName] = details;
        return json;
    }

    public override string ToString() => $"{Id} {Type} (prev {PreviousEventId}){(Name is null ? "" : " " + Name)}";
}
