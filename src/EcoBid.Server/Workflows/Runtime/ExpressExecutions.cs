using System.Text.Json.Nodes;
using EcoBid.Events.Storage;
using EcoBid.Server.Workflows.Contract;
using EcoBid.Server.Workflows.Persistence;
using EcoBid.Server.Workflows.Tasks;
using EcoBid.Workflows.Execution;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Workflows.Runtime;

/// <summary>
/// EXPRESS executions: the same interpreter in memory, with no history and no stored snapshot, for at most
/// <see cref="WorkflowOptions.ExpressMaxDuration"/>. Each task call runs in a write transaction of its own, so a task's
/// effects are at-least-once (a crash forgets the execution; whoever started it starts it again), as on AWS.
/// </summary>
public sealed partial class ExpressExecutions(
    IEventDatabase database,
    IWorkflowStore store,
    WorkflowRuntime runtime,
    WorkflowDefinitions definitions,
    WorkflowTaskRegistry tasks,
    WorkflowArns arns,
    IOptions<WorkflowOptions> options,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<ExpressExecutions> logger)
{
    /// <summary>StartExecution of an EXPRESS machine: answers at once and runs in the background.</summary>
    public ExecutionStartedResult StartInBackground(StateMachineRecord machine, StateMachineVersionRecord version, string name, string input)
    {
        var arn = arns.Execution(machine.Name, name, express: true);
        var started = clock.GetUtcNow();
        _ = Task.Run(async () =>
        {
            try
            {
                await RunAsync(machine, version, name, input, lifetime.ApplicationStopping);
            }
            catch (Exception ex) when (!lifetime.ApplicationStopping.IsCancellationRequested)
            {
                LogFailed(logger, arn, ex);
            }
        });
        return new ExecutionStartedResult(arn, started);
    }

    /// <summary>Runs an execution to its end (StartSyncExecution).</summary>
    public async Task<SyncExecutionResult> RunAsync(
        StateMachineRecord machine, StateMachineVersionRecord version, string name, string input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(version);
        var arn = arns.Execution(machine.Name, name, express: true);
        var definition = definitions.Get(machine.Name, version.Version, version.Definition);
        var started = clock.GetUtcNow();
        var deadline = started + options.Value.ExpressMaxDuration;
        var advance = WorkflowInterpreter.Start(definition, new ExecutionStart
        {
            ExecutionArn = arn,
            Name = name,
            StateMachineArn = machine.Arn,
            StateMachineName = machine.Name,
            Input = JsonNode.Parse(input),
            StartTime = started,
            RoleArn = machine.RoleArn,
        }, Environment());
        var snapshot = advance.Snapshot;
        var signals = new Queue<ExecutionSignal>();
        var timers = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var timedOut = false;
        while (true)
        {
            foreach (var command in advance.Commands)
            {
                switch (command)
                {
                    case StartTimer timer:
                        timers[timer.TimerId] = timer.DueAt;
                        break;
                    case CancelTimer cancel:
                        timers.Remove(cancel.TimerId);
                        break;
                    case InvokeTask invoke:
                        signals.Enqueue(await CallAsync(arn, invoke, cancellationToken));
                        break;
                }
            }

            if (snapshot.Status != ExecutionStatus.Running)
            {
                break;
            }

            ExecutionSignal next;
            if (signals.TryDequeue(out var signal))
            {
                next = signal;
            }
            else if (timers.Count > 0)
            {
                var (id, due) = timers.MinBy(t => t.Value);
                if (due > deadline)
                {
                    await Task.Delay(Positive(deadline - clock.GetUtcNow()), clock, cancellationToken);
                    timedOut = true;
                    break;
                }

                await Task.Delay(Positive(due - clock.GetUtcNow()), clock, cancellationToken);
                timers.Remove(id);
                next = new TimerFired(id);
            }
            else
            {
                throw new InvalidOperationException($"Express execution {arn} is blocked with nothing to wait for.");
            }

            if (clock.GetUtcNow() > deadline)
            {
                timedOut = true;
                break;
            }

            advance = WorkflowInterpreter.Resume(definition, snapshot, next, Environment());
        }

        var stopped = clock.GetUtcNow();
        var status = timedOut ? ExecutionStatuses.TimedOut : ExecutionStatuses.Of(snapshot.Status);
        var billed = (long)Math.Ceiling((stopped - started).TotalMilliseconds / 100) * 100;
        return new SyncExecutionResult(
            arn, machine.Arn, name, started, stopped, status, input,
            status == ExecutionStatuses.Succeeded ? snapshot.Output?.ToJsonString() ?? "null" : null,
            timedOut ? "States.Timeout" : snapshot.Error,
            timedOut ? $"The execution ran longer than {options.Value.ExpressMaxDuration.TotalSeconds} s." : snapshot.Cause,
            Math.Max(billed, 100), 64);
    }

    private WorkflowEnvironment Environment() => new() { Now = clock.GetUtcNow(), Jsonata = definitions.Jsonata, Limits = WorkflowLimits.Express };

    private static TimeSpan Positive(TimeSpan wait) => wait > TimeSpan.Zero ? wait : TimeSpan.Zero;

    /// <summary>One task call, in a transaction of its own; its outcome as the signal to apply.</summary>
    private async Task<ExecutionSignal> CallAsync(string arn, InvokeTask invoke, CancellationToken cancellationToken)
    {
        var resource = TaskResource.Parse(invoke.Resource, out var problem);
        try
        {
            return resource?.Kind switch
            {
                TaskResourceKind.LambdaInvoke or TaskResourceKind.LambdaFunction => await CallFunctionAsync(arn, invoke, resource, cancellationToken),
                TaskResourceKind.PutEvents => await PutEventsAsync(invoke, cancellationToken),
                TaskResourceKind.StartExecution => await StartStandardAsync(arn, invoke, cancellationToken),
                _ => new TaskFailed(invoke.InvocationId, "States.Runtime", problem),
            };
        }
        catch (WorkflowTaskException ex)
        {
            return new TaskFailed(invoke.InvocationId, ex.Error, ex.Cause);
        }
        catch (WorkflowException ex)
        {
            return new TaskFailed(invoke.InvocationId, $"StepFunctions.{ex.Code}Exception", ex.Message);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Includes a task's own timeout (an HTTP client's cancellation): the task failed, the execution goes on.
            return new TaskFailed(invoke.InvocationId, ex.GetType().Name, new JsonObject { ["errorMessage"] = ex.Message, ["errorType"] = ex.GetType().Name }.ToJsonString());
        }
    }

    private async Task<ExecutionSignal> CallFunctionAsync(string arn, InvokeTask invoke, TaskResource resource, CancellationToken cancellationToken)
    {
        var name = resource.FunctionName ?? WorkflowRuntime.FunctionName(invoke.Arguments?["FunctionName"]);
        if (name is null || tasks.Find(name) is not { } task)
        {
            return new TaskFailed(invoke.InvocationId, "Lambda.ResourceNotFoundException", $"Function not found: {name ?? "(no FunctionName)"}");
        }

        var payload = resource.Kind == TaskResourceKind.LambdaInvoke ? invoke.Arguments?["Payload"]?.DeepClone() : invoke.Arguments?.DeepClone();
        var output = await database.WriteAsync(
            scope => task.RunAsync(payload, new WorkflowTaskContext(scope, arn, invoke.InvocationId, 1, null, cancellationToken)), cancellationToken);
        return new TaskSucceeded(invoke.InvocationId, resource.Kind == TaskResourceKind.LambdaInvoke ? WorkflowRuntime.LambdaResult(output) : output);
    }

    private Task<ExecutionSignal> PutEventsAsync(InvokeTask invoke, CancellationToken cancellationToken) =>
        database.WriteAsync<ExecutionSignal>(async scope =>
        {
            if (invoke.Arguments?["Entries"] is not JsonArray { Count: > 0 and <= 10 } entries)
            {
                return new TaskFailed(invoke.InvocationId, "EventBridge.ValidationException", "Entries must be an array of 1 to 10 events.");
            }

            var results = new JsonArray();
            foreach (var entry in entries)
            {
                var (envelope, problem) = WorkflowRuntime.EventEntry(entry, scope.Now);
                if (envelope is null)
                {
                    throw new WorkflowTaskException("EventBridge.FailedEntry", problem);
                }

                await scope.PublishAsync(envelope);
                results.Add(new JsonObject { ["EventId"] = envelope.Id });
            }

            return new TaskSucceeded(invoke.InvocationId, new JsonObject { ["Entries"] = results, ["FailedEntryCount"] = 0 });
        }, cancellationToken);

    private Task<ExecutionSignal> StartStandardAsync(string arn, InvokeTask invoke, CancellationToken cancellationToken) =>
        database.WriteAsync<ExecutionSignal>(async scope =>
        {
            var target = WorkflowRuntime.Text(invoke.Arguments?["StateMachineArn"]) ?? string.Empty;
            if (!arns.TryParseStateMachine(target, out var machineName, out var number)
                || await store.FindMachineAsync(scope, machineName) is not { Status: WorkflowService.Active, Type: WorkflowService.Standard } machine
                || await store.FindVersionAsync(scope, machine.Name, number ?? machine.CurrentVersion) is not { } version)
            {
                return new TaskFailed(invoke.InvocationId, "StepFunctions.StateMachineDoesNotExistException", $"State Machine Does Not Exist: '{target}'");
            }

            var input = invoke.Arguments?["Input"] switch
            {
                null => "{}",
                JsonValue value when value.TryGetValue<string>(out var text) => text,
                var node => node.ToJsonString(),
            };
            var name = WorkflowRuntime.Text(invoke.Arguments?["Name"]) ?? Guid.NewGuid().ToString();
            var (child, _) = await runtime.StartAsync(scope, new ExecutionLaunch(machine, version, name, input, ParentArn: arn));
            return new TaskSucceeded(invoke.InvocationId, new JsonObject
            {
                ["ExecutionArn"] = child.Arn,
                ["StartDate"] = DateTimeOffset.FromUnixTimeMilliseconds(child.StartedAt).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            });
        }, cancellationToken);

    [LoggerMessage(Level = LogLevel.Error, Message = "Express execution {Arn} failed")]
    private static partial void LogFailed(ILogger logger, string arn, Exception exception);
}
