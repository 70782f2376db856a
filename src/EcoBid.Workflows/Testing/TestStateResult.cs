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

/// <summary>TestState's <c>inspectionData</c>: the value after each processing step that applied.</summary>
public sealed record InspectionData
{
    public JsonNode? Input { get; init; }

    public JsonNode? AfterInputPath { get; init; }

    public JsonNode? AfterParameters { get; init; }

    public JsonNode? AfterArguments { get; init; }

    public JsonNode? Result { get; init; }

    public JsonNode? AfterResultSelector { get; init; }

    public JsonNode? AfterResultPath { get; init; }

    /// <summary>Map: the items after ItemsPath / Items.</summary>
    public JsonNode? AfterItemsPath { get; init; }

    /// <summary>Map: each item after ItemSelector.</summary>
    public JsonNode? AfterItemSelector { get; init; }

    public int? MaxConcurrency { get; init; }

    public double? ToleratedFailureCount { get; init; }

    public double? ToleratedFailurePercentage { get; init; }

    /// <summary>The variables after the state's assignments.</summary>
    public JsonObject? Variables { get; init; }

    public ErrorDetails? ErrorDetails { get; init; }

    /// <summary>Which fields are present (a null value and an absent step differ).</summary>
    internal HashSet<string> Present { get; init; } = [];

    public JsonObject ToJson()
    {
        var json = new JsonObject();
        void Put(string name, JsonNode? value)
        {
            if (Present.Contains(name)) json[name] = Json.JsonNodes.Serialize(value);
        }

        Put("input", Input);
        Put("afterInputPath", AfterInputPath);
        Put("afterParameters", AfterParameters);
        Put("afterArguments", AfterArguments);
        Put("afterItemsPath", AfterItemsPath);
        Put("afterItemSelector", AfterItemSelector);
        Put("result", Result);
        Put("afterResultSelector", AfterResultSelector);
        Put("afterResultPath", AfterResultPath);
        if (MaxConcurrency is not null) json["maxConcurrency"] = MaxConcurrency;
        if (ToleratedFailureCount is not null) json["toleratedFailureCount"] = ToleratedFailureCount;
        if (ToleratedFailurePercentage is not null) json["toleratedFailurePercentage"] = ToleratedFailurePercentage;
        if (Variables is not null) json["variables"] = Json.JsonNodes.Serialize(Variables);
        if (ErrorDetails is not null)
        {
            var details = new JsonObject();
            if (ErrorDetails.RetryBackoffIntervalSeconds is not null) details["retryBackoffIntervalSeconds"] = ErrorDetails.RetryBackoffIntervalSeconds;
            if (ErrorDetails.RetryIndex is not null) details["retryIndex"] = ErrorDetails.RetryIndex;
            if (ErrorDetails.CatchIndex is not null) details["catchIndex"] = ErrorDetails.CatchIndex;
            json["errorDetails"] = details;
        }
        return json;
    }
}

/// <summary>Which retrier or catcher handled an error, and the back-off a retry would wait.</summary>
public sealed record ErrorDetails(int? RetryBackoffIntervalSeconds = null, int? RetryIndex = null, int? CatchIndex = null);
