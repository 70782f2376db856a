using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcoBid.Events.Envelope;
using EcoBid.Server.Workflows.Contract;
using EcoBid.Server.Workflows.Persistence;
using EcoBid.Server.Workflows.Tasks;
using EcoBid.Workflows.Execution;

namespace EcoBid.Server.Workflows.Runtime;

public sealed partial class WorkflowRuntime
{
    private const string TaskSavepoint = "workflow_task";

    /// <summary>Carries out one task call in the transaction; its outcome (if it has one now) is queued as the next signal.</summary>
    private async Task InvokeAsync(RunBatch batch, LiveExecution live, InvokeTask invoke)
    {
        batch.TaskCalls++;
        var arn = live.Record.Arn;
        if (invoke.TaskToken is { } token)
        {
            await store.InsertTokenAsync(batch.Scope, token, arn, invoke.InvocationId);
        }

        var resource = TaskResource.Parse(invoke.Resource, out var problem);
        switch (resource?.Kind)
        {
            case TaskResourceKind.LambdaInvoke or TaskResourceKind.LambdaFunction:
                await InvokeFunctionAsync(batch, live, invoke, resource);
                break;
            case TaskResourceKind.PutEvents:
                await PutEventsAsync(batch, live, invoke, resource);
                break;
            case TaskResourceKind.StartExecution:
                await StartChildAsync(batch, live, invoke, resource);
                break;
            default:
                batch.Apply(arn, new TaskFailed(invoke.InvocationId, "States.Runtime", problem));
                break;
        }
    }

    private async Task InvokeFunctionAsync(RunBatch batch, LiveExecution live, InvokeTask invoke, TaskResource resource)
    {
        var arn = live.Record.Arn;
        var name = resource.FunctionName ?? FunctionName(invoke.Arguments?["FunctionName"]);
        var payload = resource.Kind == TaskResourceKind.LambdaInvoke ? invoke.Arguments?["Payload"]?.DeepClone() : invoke.Arguments?.DeepClone();
        if (name is null || tasks.Find(name) is not { } task)
        {
            batch.Apply(arn, new TaskFailed(invoke.InvocationId, "Lambda.ResourceNotFoundException", $"Function not found: {name ?? "(no FunctionName)"}"));
            return;
        }

        var context = new WorkflowTaskContext(batch.Scope, arn, invoke.InvocationId, Attempt(invoke.InvocationId), invoke.TaskToken, batch.Scope.CancellationToken);
        await batch.Scope.SavepointAsync(TaskSavepoint);
        JsonNode? output;
        try
        {
            output = await task.RunAsync(payload, context);
            await batch.Scope.ReleaseSavepointAsync(TaskSavepoint);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !batch.Scope.CancellationToken.IsCancellationRequested)
        {
            // The handler's writes go; the failure is the task's outcome, for Retry and Catch to act on.
            await batch.Scope.RollbackToSavepointAsync(TaskSavepoint);
            await batch.Scope.ReleaseSavepointAsync(TaskSavepoint);
            var (error, cause) = ex is WorkflowTaskException failure
                ? (failure.Error, failure.Cause)
                : (ex.GetType().Name, new JsonObject { ["errorMessage"] = ex.Message, ["errorType"] = ex.GetType().Name }.ToJsonString());
            batch.Apply(arn, new TaskFailed(invoke.InvocationId, error, cause));
            return;
        }

        if (resource.Mode == TaskWaitMode.Callback)
        {
            return; // the token answers it
        }

        batch.Apply(arn, new TaskSucceeded(invoke.InvocationId, resource.Kind == TaskResourceKind.LambdaInvoke ? LambdaResult(output) : output));
    }

    private static async Task PutEventsAsync(RunBatch batch, LiveExecution live, InvokeTask invoke, TaskResource resource)
    {
        var arn = live.Record.Arn;
        var scope = batch.Scope;
        if (invoke.Arguments?["Entries"] is not JsonArray { Count: > 0 and <= 10 } entries)
        {
            batch.Apply(arn, new TaskFailed(invoke.InvocationId, "EventBridge.ValidationException", "Entries must be an array of 1 to 10 events."));
            return;
        }

        var envelopes = new List<EventEnvelope>();
        var results = new JsonArray();
        var failed = 0;
        foreach (var entry in entries)
        {
            var (envelope, problem) = EventEntry(entry, scope.Now);
            if (envelope is null)
            {
                failed++;
                results.Add(new JsonObject { ["ErrorCode"] = "InvalidArgument", ["ErrorMessage"] = problem });
                continue;
            }

            envelopes.Add(envelope);
            results.Add(new JsonObject { ["EventId"] = envelope.Id });
        }

        var answer = new JsonObject { ["Entries"] = results, ["FailedEntryCount"] = failed };
        if (failed > 0)
        {
            // All or nothing, unlike EventBridge: a retried task would publish the good entries twice.
            batch.Apply(arn, new TaskFailed(invoke.InvocationId, "EventBridge.FailedEntry", answer.ToJsonString()));
            return;
        }

        foreach (var envelope in envelopes)
        {
            await scope.PublishAsync(envelope);
        }

        if (resource.Mode != TaskWaitMode.Callback)
        {
            batch.Apply(arn, new TaskSucceeded(invoke.InvocationId, answer));
        }
    }

    internal static (EventEnvelope? Envelope, string? Problem) EventEntry(JsonNode? entry, DateTimeOffset now)
    {
        if (entry is not JsonObject fields)
        {
            return (null, "Each entry is an object with Source, DetailType and Detail.");
        }

        if (Text(fields["Source"]) is not { Length: > 0 and <= 256 } source || Text(fields["DetailType"]) is not { Length: > 0 and <= 128 } detailType)
        {
            return (null, "Source and DetailType are required (at most 256 and 128 characters).");
        }

        JsonElement detail;
        try
        {
            detail = fields["Detail"] switch
            {
                null => JsonDocument.Parse("{}").RootElement.Clone(),
                JsonValue value when value.TryGetValue<string>(out var text) => JsonDocument.Parse(text).RootElement.Clone(),
                JsonObject obj => JsonSerializer.SerializeToElement(obj),
                _ => throw new JsonException("not an object"),
            };
        }
        catch (JsonException)
        {
            return (null, "Detail must be a JSON object (or its text).");
        }

        if (detail.ValueKind != JsonValueKind.Object)
        {
            return (null, "Detail must be a JSON object (or its text).");
        }

        var resources = fields["Resources"] is JsonArray list ? list.Select(Text).OfType<string>().ToList() : [];
        return (new EventEnvelope
        {
            Id = Guid.CreateVersion7(now).ToString(),
            Source = source,
            DetailType = detailType,
            Time = now,
            Detail = detail,
            Resources = resources,
            CorrelationId = CorrelationContext.Current,
            TraceParent = Activity.Current?.Id,
        }, null);
    }

    private async Task StartChildAsync(RunBatch batch, LiveExecution live, InvokeTask invoke, TaskResource resource)
    {
        var arn = live.Record.Arn;
        var scope = batch.Scope;
        var arguments = invoke.Arguments as JsonObject;
        try
        {
            var target = Text(arguments?["StateMachineArn"]) ?? throw new WorkflowException(WorkflowErrors.ValidationException, "StateMachineArn is required.");
            if (!arns.TryParseStateMachine(target, out var machineName, out var versionNumber))
            {
                throw new WorkflowException(WorkflowErrors.InvalidArn, $"Invalid Arn: '{target}'");
            }

            var machine = await store.FindMachineAsync(scope, machineName);
            if (machine is null || machine.Status != "ACTIVE")
            {
                throw new WorkflowException(WorkflowErrors.StateMachineDoesNotExist, $"State Machine Does Not Exist: '{target}'");
            }

            if (machine.Type != "STANDARD")
            {
                throw new WorkflowException(WorkflowErrors.StateMachineTypeNotSupported, "A child started from a workflow must be a STANDARD state machine here.");
            }

            var version = await store.FindVersionAsync(scope, machine.Name, versionNumber ?? machine.CurrentVersion)
                ?? throw new WorkflowException(WorkflowErrors.StateMachineDoesNotExist, $"State Machine Does Not Exist: '{target}'");
            var input = arguments?["Input"] switch
            {
                null => "{}",
                JsonValue value when value.TryGetValue<string>(out var text) => CheckedJson(text),
                var node => node.ToJsonString(),
            };
            var name = Text(arguments?["Name"]) ?? Guid.CreateVersion7(scope.Now).ToString();
            if (!WorkflowNames.IsValid(name))
            {
                throw new WorkflowException(WorkflowErrors.InvalidName, $"Invalid Name: '{name}'");
            }

            var mode = resource.Mode switch { TaskWaitMode.Sync => "sync", TaskWaitMode.Sync2 => "sync:2", _ => null };
            var launch = new ExecutionLaunch(machine, version, name, input, live.Record.TraceHeader, live.Record.StartedBy, arn, invoke.InvocationId, mode);
            var (child, created) = await LaunchAsync(batch, launch);
            if (mode is null && resource.Mode != TaskWaitMode.Callback)
            {
                batch.Apply(arn, new TaskSucceeded(invoke.InvocationId, new JsonObject
                {
                    ["ExecutionArn"] = child.Arn,
                    ["StartDate"] = DateTimeOffset.FromUnixTimeMilliseconds(child.StartedAt).ToString("O", CultureInfo.InvariantCulture),
                }));
            }
            else if (mode is not null && !created && child.Status != ExecutionStatuses.Running)
            {
                batch.Apply(arn, ChildOutcome(child, invoke.InvocationId, mode));
            }
        }
        catch (WorkflowException ex)
        {
            batch.Apply(arn, new TaskFailed(invoke.InvocationId, $"StepFunctions.{ex.Code}Exception", ex.Message));
        }
        catch (JsonException ex)
        {
            batch.Apply(arn, new TaskFailed(invoke.InvocationId, "StepFunctions.InvalidExecutionInputException", ex.Message));
        }
    }

    /// <summary>The signal a <c>.sync</c> parent gets when its child ends: DescribeExecution's answer, or a failure carrying it.</summary>
    private static ExecutionSignal ChildOutcome(ExecutionRecord child, string invocation, string mode)
    {
        var json = mode == "sync:2";
        JsonNode? Payload(string? text) => text is null ? null : json ? JsonNode.Parse(text) : JsonValue.Create(text);
        var description = new JsonObject
        {
            ["ExecutionArn"] = child.Arn,
            ["Input"] = Payload(child.Input),
            ["InputDetails"] = new JsonObject { ["Included"] = true },
            ["Name"] = child.Name,
            ["Output"] = Payload(child.Output),
            ["OutputDetails"] = new JsonObject { ["Included"] = true },
            ["StartDate"] = DateTimeOffset.FromUnixTimeMilliseconds(child.StartedAt).ToString("O", CultureInfo.InvariantCulture),
            ["StateMachineArn"] = child.Arn[..child.Arn.LastIndexOf(':')].Replace(":execution:", ":stateMachine:", StringComparison.Ordinal),
            ["Status"] = child.Status,
            ["StopDate"] = child.StoppedAt is { } stopped ? DateTimeOffset.FromUnixTimeMilliseconds(stopped).ToString("O", CultureInfo.InvariantCulture) : null,
        };
        if (child.Status == ExecutionStatuses.Succeeded)
        {
            return new TaskSucceeded(invocation, description);
        }

        description["Error"] = child.Error;
        description["Cause"] = child.Cause;
        return new TaskFailed(invocation, "States.TaskFailed", description.ToJsonString());
    }

    internal static JsonObject LambdaResult(JsonNode? payload) => new()
    {
        ["ExecutedVersion"] = "$LATEST",
        ["Payload"] = payload,
        ["SdkHttpMetadata"] = new JsonObject { ["HttpStatusCode"] = 200 },
        ["SdkResponseMetadata"] = new JsonObject { ["RequestId"] = Guid.NewGuid().ToString() },
        ["StatusCode"] = 200,
    };

    /// <summary>A FunctionName as Lambda accepts it: a name, <c>name:alias</c>, or a function ARN.</summary>
    internal static string? FunctionName(JsonNode? value)
    {
        if (Text(value) is not { Length: > 0 } text)
        {
            return null;
        }

        var parts = text.Split(':');
        return text.StartsWith("arn:", StringComparison.Ordinal) ? (parts.Length > 6 ? parts[6] : null) : parts[0];
    }

    /// <summary>Input given as JSON text must be JSON (a JsonException fails the task).</summary>
    private static string CheckedJson(string text)
    {
        using var document = JsonDocument.Parse(text);
        return text;
    }

    private static int Attempt(string invocationId) =>
        int.TryParse(invocationId.AsSpan(invocationId.LastIndexOf(':') + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var attempt) ? attempt : 1;

    internal static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
