using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using EcoBid.Server.Tests.Infrastructure;
using EcoBid.Server.Workflows;
using EcoBid.Server.Workflows.Contract;

namespace EcoBid.Server.Tests.Workflows;

/// <summary>The real host with the test task handlers, and short-hands for machines and executions.</summary>
public sealed class WorkflowTestApp : EcoBidApp
{
    public WorkflowTestApp()
    {
        WithServices(services => services.AddWorkflowTask<EchoTask>().AddWorkflowTask<FailTask>());
    }

    public IWorkflowService Workflows => (IWorkflowService)Services.GetService(typeof(IWorkflowService))!;

    public string MachineArn(string name) => ((WorkflowService)Services.GetService(typeof(WorkflowService))!).Arns.StateMachine(name);

    public async Task<string> CreateAsync(string name, string definition, string type = "STANDARD") =>
        (await Workflows.CreateStateMachineAsync(new CreateStateMachineRequest(name, definition, type), CancellationToken.None)).StateMachineArn;

    public async Task<string> StartAsync(string machine, string input = "{}", string? name = null) =>
        (await Workflows.StartExecutionAsync(new StartExecutionRequest(MachineArn(machine), name, input), CancellationToken.None)).ExecutionArn;

    /// <summary>Waits (bounded) until the execution is no longer RUNNING and returns it.</summary>
    public async Task<ExecutionDescription> EndedAsync(string executionArn, double seconds = 15)
    {
        ExecutionDescription? last = null;
        await Eventually.TrueAsync(async () => (last = await Workflows.DescribeExecutionAsync(executionArn, CancellationToken.None)).Status != "RUNNING", seconds, $"{executionArn} ends");
        return last!;
    }

    public Task<string?> TokenAsync(string executionArn) =>
        Database.ReadAsync(c => c.QuerySingleOrDefaultAsync<string?>("SELECT token FROM workflow_task_tokens WHERE execution = @executionArn AND status = 'open'", new { executionArn }));

    public async Task<string> WaitForTokenAsync(string executionArn)
    {
        string? token = null;
        await Eventually.TrueAsync(async () => (token = await TokenAsync(executionArn)) is not null, what: "a task token");
        return token!;
    }

    public async Task<List<JsonElement>> HistoryAsync(string executionArn)
    {
        var page = await Workflows.GetExecutionHistoryAsync(executionArn, false, true, null, 1000, CancellationToken.None);
        return page.Items.Select(e => JsonSerializer.SerializeToElement(e)).ToList();
    }

    public async Task<JsonElement> PostJsonAsync(HttpClient client, string path, object body)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.PostAsJsonAsync(path, body);
        return await response.ReadJsonAsync();
    }
}

internal static class ServiceProviderExtensions
{
    public static T GetRequiredServiceOf<T>(this IServiceProvider services)
        where T : notnull => (T)services.GetService(typeof(T))!;
}
