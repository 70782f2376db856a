using System.Text.Json.Nodes;
using EcoBid.Workflows.Execution;

namespace EcoBid.Workflows.Tests.Support;

/// <summary>Small machines for table-driven cases.</summary>
public static class Machines
{
    /// <summary>One Pass state whose Parameters are <c>{"r.$": expression}</c>.</summary>
    public static string PassParameter(string expression) => new JsonObject
    {
        ["StartAt"] = "P",
        ["States"] = new JsonObject
        {
            ["P"] = new JsonObject
            {
                ["Type"] = "Pass",
                ["Parameters"] = new JsonObject { ["r.$"] = expression },
                ["OutputPath"] = "$.r",
                ["End"] = true,
            },
        },
    }.ToJsonString();

    /// <summary>One state, given as JSON, as the whole machine.</summary>
    public static string OneState(string stateJson) => "{\"StartAt\":\"S\",\"States\":{\"S\":" + stateJson + "}}";

    public static Advance RunSingle(string stateJson, string input, Func<InvokeTask, TaskResult>? tasks = null) =>
        new Host(OneState(stateJson), tasks).Run(input);

    public static string Json(JsonNode? node) => node is null ? "null" : node.ToJsonString();

    /// <summary>Compares JSON texts structurally.</summary>
    public static void ShouldBeJson(this JsonNode? actual, string expected)
    {
        var normalizedExpected = Json(JsonNode.Parse(expected));
        Json(actual).ShouldBe(normalizedExpected);
    }
}
