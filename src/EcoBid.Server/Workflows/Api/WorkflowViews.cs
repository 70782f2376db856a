using System.Text.Json.Nodes;

namespace EcoBid.Server.Workflows.Api;

/// <summary>An execution as the REST API shows it: input and output as JSON.</summary>
public sealed record ExecutionView(
    string Id, string ExecutionArn, string StateMachine, int Version, string Name, string Status, JsonNode? Input, JsonNode? Output,
    string? Error, string? Cause, DateTimeOffset StartDate, DateTimeOffset? StopDate);

public sealed record ExecutionSummaryView(string Id, string ExecutionArn, string Name, string Status, DateTimeOffset StartDate, DateTimeOffset? StopDate);

public sealed record StateMachineView(string Name, string StateMachineArn, string Type, DateTimeOffset CreationDate);

public sealed record StartedExecutionView(string Id, string ExecutionArn, DateTimeOffset StartDate);

/// <summary>The body of POST /workflows/{stateMachine}/executions; <see cref="Input"/> is any JSON value (default <c>{}</c>).</summary>
public sealed record StartExecutionBody(string? Name, JsonNode? Input);

public sealed record StopExecutionBody(string? Error, string? Cause);

public sealed record StoppedView(string ExecutionArn, DateTimeOffset StopDate);

public sealed record HistoryPageView(IReadOnlyList<JsonObject> Events, string? NextCursor);
