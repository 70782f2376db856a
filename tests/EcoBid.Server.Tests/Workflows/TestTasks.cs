using System.Text.Json.Nodes;
using Dapper;
using EcoBid.Server.Workflows.Tasks;

namespace EcoBid.Server.Tests.Workflows;

/// <summary>Echoes its input under "echo", and records the call in a table of its own, inside the execution's transaction.</summary>
public sealed class EchoTask : IWorkflowTask
{
    public string Name => "Echo";

    public async Task<JsonNode?> RunAsync(JsonNode? input, WorkflowTaskContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.Scope.Connection.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS echo_calls (invocation TEXT, attempt INTEGER); INSERT INTO echo_calls VALUES (@InvocationId, @Attempt)",
            new { context.InvocationId, context.Attempt }, context.Scope.Transaction);
        return new JsonObject { ["echo"] = input?.DeepClone() };
    }
}

/// <summary>Writes a row, then fails as told: input.error names a WorkflowTaskException's error, otherwise it throws InvalidOperationException.</summary>
public sealed class FailTask : IWorkflowTask
{
    public string Name => "Fail";

    public async Task<JsonNode?> RunAsync(JsonNode? input, WorkflowTaskContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.Scope.Connection.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS echo_calls (invocation TEXT, attempt INTEGER); INSERT INTO echo_calls VALUES (@InvocationId, @Attempt)",
            new { context.InvocationId, context.Attempt }, context.Scope.Transaction);
        if (input?["error"]?.GetValue<string>() is { } error)
        {
            throw new WorkflowTaskException(error, "told to fail");
        }

        throw new InvalidOperationException("the task broke");
    }
}
