using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using EcoBid.Events.Monitoring;
using EcoBid.Events.Storage;
using EcoBid.Events.Timers;
using EcoBid.Server.Events;
using EcoBid.Server.Workflows.Contract;
using EcoBid.Server.Workflows.Persistence;
using EcoBid.Server.Workflows.Tasks;
using EcoBid.Workflows.Execution;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Workflows.Runtime;

/// <summary>
/// The durable loop. Every call runs inside the caller's write transaction: it applies a start or a signal through
/// the interpreter, stores the history and the snapshot, and carries out the commands in the same transaction:
/// timers become durable timers whose firing resumes the execution (<see cref="Domain.Events.WorkflowSignal"/>), EcoBid's own task
/// handlers run right there with their outcome fed back as the next signal, callback tasks store their token and
/// wait. It loops until every execution it touched is blocked or ended, so a task's effects and the transitions
/// around it commit together, exactly once; a kill -9 at any point leaves the last committed snapshot to resume from.
/// </summary>
public sealed partial class WorkflowRuntime(
    IWorkflowStore store,
    ITimerStore timers,
    WorkflowDefinitions definitions,
    WorkflowTaskRegistry tasks,
    WorkflowArns arns,
    IOptions<WorkflowOptions> options)
{
    private const string TimerPrefix = "workflow:";

    /// <summary>
    /// Starts an execution and runs it until it blocks or ends. A name already used with the same input returns that
    /// execution (<c>Created</c> false); with another input it is <see cref="WorkflowErrors.ExecutionAlreadyExists"/>.
    /// </summary>
    public async Task<(ExecutionRecord Record, bool Created)> StartAsync(IWriteScope scope, ExecutionLaunch launch)
    {
        var batch = new RunBatch(scope);
        var started = await LaunchAsync(batch, launch);
        await DrainAsync(batch);
        return started;
    }

    /// <summary>Applies a signal and runs on. Returns false when the execution did not await it (ended, or not waiting for that task or timer).</summary>
    public async Task<bool> SignalAsync(IWriteScope scope, string executionArn, ExecutionSignal signal)
    {
        var batch = new RunBatch(scope);
        var applied = await ApplyAsync(batch, executionArn, signal);
        await DrainAsync(batch);
        return applied;
    }

    /// <summary>The runtime's own event: a timer fell due, or a deferred task call's turn came.</summary>
    public async Task ResumeAsync(IWriteScope scope, Domain.Events.WorkflowSignal wake)
    {
        ArgumentNullException.ThrowIfNull(wake);
        var batch = new RunBatch(scope);
        if (wake.TimerId is { } timer)
        {
            await ApplyAsync(batch, wake.ExecutionArn, new TimerFired(timer));
        }
        else if (wake.Signal is { } deferred && DeferredInvocation.Read(deferred) is { } invoke
            && await LoadAsync(batch, wake.ExecutionArn) is { Running: true } live
            && live.Snapshot.Frames.Any(f => f.Phase == FramePhase.WaitingTask && f.InvocationId == invoke.InvocationId))
        {
            await InvokeAsync(batch, live, invoke);
        }

        await DrainAsync(batch);
    }

    public static string InputHash(string input) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(input)));

    public static string TimerKey(string timerId) => TimerPrefix + timerId;

    private WorkflowEnvironment Environment(DateTimeOffset now) => new() { Now = now, Jsonata = definitions.Jsonata, Limits = WorkflowLimits.Standard };

    private async Task<(ExecutionRecord Record, bool Created)> LaunchAsync(RunBatch batch, ExecutionLaunch launch)
    {
        var scope = batch.Scope;
        var hash = InputHash(launch.Input);
        if (await store.FindExecutionByNameAsync(scope, launch.Machine.Name, launch.Name) is { } existing)
        {
            return existing.InputHash == hash
                ? (existing, false)
                : throw new WorkflowException(WorkflowErrors.ExecutionAlreadyExists, $"Execution Already Exists: '{existing.Arn}'");
        }

        var arn = arns.Execution(launch.Machine.Name, launch.Name);
        var definition = definitions.Get(launch.Machine.Name, launch.Version.Version, launch.Version.Definition);
        var start = new ExecutionStart
        {
            ExecutionArn = arn,
            Name = launch.Name,
            StateMachineArn = launch.Machine.Arn,
            StateMachineName = launch.Machine.Name,
            Input = JsonNode.Parse(launch.Input),
            StartTime = scope.Now,
            RoleArn = launch.Machine.RoleArn,
        };
        var advance = WorkflowInterpreter.Start(definition, start, Environment(scope.Now));
        var record = new ExecutionRecord
        {
            Arn = arn,
            Id = Guid.CreateVersion7(scope.Now).ToString(),
            Machine = launch.Machine.Name,
            Name = launch.Name,
            Version = launch.Version.Version,
            Status = ExecutionStatuses.Running,
            Input = launch.Input,
            InputHash = hash,
            StartedAt = scope.Now.ToUnixTimeMilliseconds(),
            TraceHeader = launch.TraceHeader,
            StartedBy = launch.StartedBy,
            ParentArn = launch.ParentArn,
            ParentInvocation = launch.ParentInvocation,
            ParentMode = launch.ParentMode,
        };
        Outcome(record, advance.Snapshot);
        await store.InsertExecutionAsync(scope, record, advance.Snapshot.Serialize());
        batch.Live[arn] = new LiveExecution(record, advance.Snapshot, definition);
        batch.Carry(arn, advance);
        return (record, true);
    }

    private async Task<bool> ApplyAsync(RunBatch batch, string executionArn, ExecutionSignal signal)
    {
        if (await LoadAsync(batch, executionArn) is not { Running: true } live)
        {
            return false;
        }

        // A task signal counts when its task is awaited (a heartbeat on a task without HeartbeatSeconds changes nothing, yet is accepted).
        var awaited = TaskOfSignal(signal) is { } task && live.Snapshot.Frames.Any(f => f.Phase == FramePhase.WaitingTask && f.InvocationId == task);
        var advance = WorkflowInterpreter.Resume(live.Definition, live.Snapshot, signal, Environment(batch.Scope.Now));
        if (advance.Events.Count == 0 && advance.Commands.Count == 0)
        {
            return awaited;
        }

        live.Dirty = true;
        if (signal is TimerFired fired && TaskOfTimer(fired.TimerId) is { } invocation)
        {
            await store.CloseTokensOfInvocationAsync(batch.Scope, invocation, TaskTokenRecord.TimedOut);
        }

        batch.Carry(executionArn, advance);
        return true;
    }

    private async Task DrainAsync(RunBatch batch)
    {
        while (batch.Work.TryDequeue(out var work))
        {
            if (work.Advance is { } advance)
            {
                if (batch.Live.TryGetValue(work.ExecutionArn, out var live))
                {
                    await CarryOutAsync(batch, live, advance);
                }
            }
            else
            {
                await ApplyAsync(batch, work.ExecutionArn, work.Signal!);
            }
        }

        foreach (var live in batch.Live.Values.Where(l => l.Dirty))
        {
            await store.SaveProgressAsync(batch.Scope, live.Record, live.Snapshot.Serialize());
            live.Dirty = false;
        }
    }

    private async Task<LiveExecution?> LoadAsync(RunBatch batch, string executionArn)
    {
        if (batch.Live.TryGetValue(executionArn, out var live))
        {
            return live;
        }

        var record = await store.FindExecutionAsync(batch.Scope, executionArn);
        if (record is null || await store.LoadSnapshotAsync(batch.Scope, executionArn) is not { } json)
        {
            return null;
        }

        var version = await store.FindVersionAsync(batch.Scope, record.Machine, record.Version)
            ?? throw new InvalidOperationException($"Execution {executionArn} runs version {record.Version} of '{record.Machine}', which is not stored.");
        live = new LiveExecution(record, ExecutionSnapshot.Deserialize(json), definitions.Get(record.Machine, record.Version, version.Definition));
        batch.Live[executionArn] = live;
        return live;
    }

    private async Task CarryOutAsync(RunBatch batch, LiveExecution live, Advance advance)
    {
        var scope = batch.Scope;
        var arn = live.Record.Arn;
        if (advance.Events.Count > 0)
        {
            var rows = new HistoryRow[advance.Events.Count];
            for (var i = 0; i < rows.Length; i++)
            {
                rows[i] = new HistoryRow(advance.Events[i].Id, advance.Events[i].ToJson().ToJsonString());
            }

            await store.AppendHistoryAsync(scope, arn, rows);
            batch.EventsWritten += rows.Length;
            TraceSteps(live.Record, advance.Events);
        }

        Outcome(live.Record, live.Snapshot);
        foreach (var command in advance.Commands)
        {
            switch (command)
            {
                case StartTimer timer:
                    var wake = DomainEventPublishing.Envelope(new Domain.Events.WorkflowSignal(arn, timer.TimerId, null), scope.Now);
                    await timers.ScheduleAsync(scope, new ScheduledTimer(TimerKey(timer.TimerId), timer.DueAt, wake.ToJson()));
                    break;
                case CancelTimer cancel:
                    await timers.CancelAsync(scope, TimerKey(cancel.TimerId));
                    break;
                case InvokeTask invoke when batch.TaskCalls >= options.Value.MaxTaskCallsPerTransaction
                    || batch.EventsWritten >= WorkflowLimits.Standard.MaxTransitionsPerAdvance:
                    // The rest waits in the outbox for a transaction of its own: one never holds the writer for long.
                    await scope.PublishAsync(new Domain.Events.WorkflowSignal(arn, null, DeferredInvocation.Write(invoke)));
                    break;
                case InvokeTask invoke:
                    await InvokeAsync(batch, live, invoke);
                    break;
            }
        }

        if (!live.Running)
        {
            await EndedAsync(batch, live);
        }
    }

    /// <summary>
    /// A span per state entered, under the trace that started the execution (the event's or the request's), so a
    /// trace shows the workflow steps an event caused. A state may wait for days, so the span marks its entry only.
    /// </summary>
    private static void TraceSteps(ExecutionRecord record, IReadOnlyList<HistoryEvent> events)
    {
        foreach (var entered in events)
        {
            if (entered.Name is { } state && entered.Type.EndsWith("StateEntered", StringComparison.Ordinal))
            {
                RuntimeTracing.StartWorkflowStep(record.Machine, record.Arn, state, record.TraceHeader)?.Dispose();
            }
        }
    }

    private async Task EndedAsync(RunBatch batch, LiveExecution live)
    {
        await store.CloseTokensOfExecutionAsync(batch.Scope, live.Record.Arn);
        if (live.Record is { ParentArn: { } parent, ParentInvocation: { } invocation, ParentMode: { } mode })
        {
            batch.Apply(parent, ChildOutcome(live.Record, invocation, mode));
        }
    }

    private static void Outcome(ExecutionRecord record, ExecutionSnapshot snapshot)
    {
        record.Status = ExecutionStatuses.Of(snapshot.Status);
        record.HistoryCount = snapshot.LastEventId;
        if (snapshot.Status == ExecutionStatus.Running)
        {
            return;
        }

        record.Output = snapshot.Status == ExecutionStatus.Succeeded ? snapshot.Output?.ToJsonString() ?? "null" : null;
        record.Error = snapshot.Error;
        record.Cause = snapshot.Cause;
        record.StoppedAt = (snapshot.StopTime ?? snapshot.StartTime).ToUnixTimeMilliseconds();
    }

    private static string? TaskOfSignal(ExecutionSignal signal) => signal switch
    {
        TaskSucceeded succeeded => succeeded.InvocationId,
        TaskFailed failed => failed.InvocationId,
        TaskHeartbeat heartbeat => heartbeat.InvocationId,
        _ => null,
    };

    /// <summary>The invocation whose timeout or heartbeat timer this is, or null for other timers.</summary>
    private static string? TaskOfTimer(string timerId)
    {
        if (timerId.EndsWith(":timeout", StringComparison.Ordinal))
        {
            return timerId[..^":timeout".Length];
        }

        var heartbeat = timerId.LastIndexOf(":heartbeat:", StringComparison.Ordinal);
        return heartbeat > 0 ? timerId[..heartbeat] : null;
    }
}
