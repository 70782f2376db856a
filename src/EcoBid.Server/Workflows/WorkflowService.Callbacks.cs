using System.Text.Json.Nodes;
using EcoBid.Events.Storage;
using EcoBid.Server.Workflows.Contract;
using EcoBid.Server.Workflows.Persistence;
using EcoBid.Server.Workflows.Runtime;
using EcoBid.Server.Workflows.Tasks;
using EcoBid.Workflows.Execution;
using EcoBid.Workflows.Testing;

namespace EcoBid.Server.Workflows;

public sealed partial class WorkflowService
{
    private const int MaxTokenLength = 1024;

    public async Task SendTaskSuccessAsync(string taskToken, string output, CancellationToken cancellationToken)
    {
        var text = CheckedJson(output, WorkflowErrors.InvalidOutput, "output");
        await AnswerAsync(taskToken, invocation => new TaskSucceeded(invocation, JsonNode.Parse(text)), close: true, cancellationToken);
    }

    public Task SendTaskSuccessAsync(IWriteScope scope, string taskToken, string output)
    {
        var text = CheckedJson(output, WorkflowErrors.InvalidOutput, "output");
        return AnswerInScopeAsync(scope, taskToken, invocation => new TaskSucceeded(invocation, JsonNode.Parse(text)), close: true);
    }

    public async Task TakeTurnOfTaskAsync(IWriteScope scope, string taskToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (await store.FindTokenAsync(scope, taskToken) is { } token)
        {
            await store.FindExecutionAsync(scope, token.Execution);
        }
    }

    public Task SendTaskFailureAsync(string taskToken, string? errorName, string? cause, CancellationToken cancellationToken) =>
        AnswerAsync(taskToken, invocation => new TaskFailed(invocation, errorName ?? string.Empty, cause), close: true, cancellationToken);

    public Task SendTaskHeartbeatAsync(string taskToken, CancellationToken cancellationToken) =>
        AnswerAsync(taskToken, invocation => new TaskHeartbeat(invocation), close: false, cancellationToken);

    /// <summary>
    /// Callbacks: an unknown token is <c>InvalidToken</c>; one whose task timed out (its timeout or heartbeat timer
    /// fired) <c>TaskTimedOut</c>; one already answered, or whose task or execution ended otherwise, <c>TaskDoesNotExist</c>.
    /// </summary>
    private async Task AnswerAsync(string taskToken, Func<string, ExecutionSignal> signal, bool close, CancellationToken cancellationToken) =>
        await database.WriteAsync(async scope =>
        {
            await AnswerInScopeAsync(scope, taskToken, signal, close);
            return true;
        }, cancellationToken);

    private async Task AnswerInScopeAsync(IWriteScope scope, string taskToken, Func<string, ExecutionSignal> signal, bool close)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (string.IsNullOrEmpty(taskToken) || taskToken.Length > MaxTokenLength)
        {
            throw new WorkflowException(WorkflowErrors.InvalidToken, "Invalid Token: 'Invalid token'");
        }

        var token = await store.FindTokenAsync(scope, taskToken) ?? throw new WorkflowException(WorkflowErrors.InvalidToken, "Invalid Token: 'Invalid token'");

        // The execution's turn before the token's status: a timeout that fired meanwhile has then committed, and the
        // status read again says so (TaskTimedOut) instead of an answer racing the timeout to the execution.
        await store.FindExecutionAsync(scope, token.Execution);
        token = await store.FindTokenAsync(scope, taskToken) ?? token;
        if (token.Status == TaskTokenRecord.TimedOut)
        {
            throw new WorkflowException(WorkflowErrors.TaskTimedOut, "Task Timed Out: 'Provided task does not exist anymore'");
        }

        if (token.Status != TaskTokenRecord.Open || !await runtime.SignalAsync(scope, token.Execution, signal(token.Invocation)))
        {
            throw new WorkflowException(WorkflowErrors.TaskDoesNotExist, "Task Does Not Exist: 'Provided task does not exist anymore'");
        }

        if (close)
        {
            await store.CloseTokensOfInvocationAsync(scope, token.Invocation, TaskTokenRecord.Closed);
        }
    }

    public async Task<TestStateResult> TestStateAsync(TestStateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = new StateTesterOptions
        {
            Jsonata = definitions.Jsonata,
            ResourceValidator = tasks.Validator,
            InvokeTask = RunForTestAsync,
        };
        try
        {
            return await StateTester.TestAsync(request, options, cancellationToken);
        }
        catch (InvalidDefinitionException ex)
        {
            throw new WorkflowException(WorkflowErrors.InvalidDefinition, ex.Message);
        }
    }

    /// <summary>TestState's task call: an EcoBid task handler, run in a transaction of its own.</summary>
    private async Task<TaskOutcome> RunForTestAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        var resource = TaskResource.Parse(invocation.Resource, out var problem);
        if (resource is not { Kind: TaskResourceKind.LambdaInvoke or TaskResourceKind.LambdaFunction })
        {
            return TaskOutcome.Failure("States.Runtime", problem ?? "TestState runs EcoBid's task handlers only: give a mock for this integration.");
        }

        var name = resource.FunctionName ?? WorkflowRuntime.FunctionName(invocation.Arguments?["FunctionName"]);
        if (name is null || tasks.Find(name) is not { } task)
        {
            return TaskOutcome.Failure("Lambda.ResourceNotFoundException", $"Function not found: {name ?? "(no FunctionName)"}");
        }

        var payload = resource.Kind == TaskResourceKind.LambdaInvoke ? invocation.Arguments?["Payload"]?.DeepClone() : invocation.Arguments?.DeepClone();
        try
        {
            var output = await database.WriteAsync(
                scope => task.RunAsync(payload, new WorkflowTaskContext(scope, "", $"test:{Guid.NewGuid()}", 1, null, cancellationToken)), cancellationToken);
            return TaskOutcome.Success(resource.Kind == TaskResourceKind.LambdaInvoke ? WorkflowRuntime.LambdaResult(output) : output);
        }
        catch (WorkflowTaskException ex)
        {
            return TaskOutcome.Failure(ex.Error, ex.Cause);
        }
    }
}
