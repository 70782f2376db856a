using System.Text.Json.Nodes;

namespace EcoBid.Workflows.Testing;

/// <summary>TestState's <c>status</c>.</summary>
public enum TestStateStatus
{
    Succeeded,
    Failed,

    /// <summary>A retrier would retry: see <see cref="ErrorDetails.RetryBackoffIntervalSeconds"/>.</summary>
    Retriable,

    /// <summary>A catcher caught the error: the output and <see cref="TestStateResult.NextState"/> are the catcher's.</summary>
    CaughtError,
}

/// <summary>The TestState response.</summary>
public sealed record TestStateResult
{
    public TestStateStatus Status { get; init; }

    public JsonNode? Output { get; init; }

    public string? Error { get; init; }

    public string? Cause { get; init; }

    public string? NextState { get; init; }

    /// <summary>Present for DEBUG and TRACE.</summary>
    public InspectionData? InspectionData { get; init; }

    /// <summary>The response as AWS's API returns it (payloads as JSON text, status in upper snake case).</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["status"] = Status switch
            {
                TestStateStatus.Succeeded => "SUCCEEDED",
                TestStateStatus.Failed => "FAILED",
                TestStateStatus.Retriable => "RETRIABLE",
                _ => "CAUGHT_ERROR",
            },
        };
        if (Status is TestStateStatus.Succeeded or TestStateStatus.CaughtError) json["output"] = Json.JsonNodes.Serialize(Output);
        if (Error is not null) json["error"] = Error;
        if (Cause is not null) json["cause"] = Cause;
        if (NextState is not null) json["nextState"] = NextState;
        if (InspectionData is not null) json["inspectionData"] = InspectionData.ToJson();
        return json;
    }
}

/// <summary>Which retrier or catcher handled an error, and the back-off a retry would wait.</summary>
public sealed record ErrorDetails(int? RetryBackoffIntervalSeconds = null, int? RetryIndex = null, int? CatchIndex = null);
