using System.Text.Json.Nodes;

namespace EcoBid.Workflows.Testing;

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
