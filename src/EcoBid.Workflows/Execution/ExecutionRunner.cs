using System.Text.Json.Nodes;
using EcoBid.Workflows.Definition;
using EcoBid.Workflows.Evaluation;
using EcoBid.Workflows.Json;

namespace EcoBid.Workflows.Execution;

/// <summary>Runs an execution's frames over its snapshot until every frame is blocked or the execution ends.</summary>
internal sealed partial class ExecutionRunner
{
    private readonly StateMachineDefinition _definition;
    private readonly ExecutionSnapshot _snapshot;
    private readonly WorkflowEnvironment _env;
    private readonly List<HistoryEvent> _events = [];
    private readonly List<WorkflowCommand> _commands = [];
    private readonly Dictionary<long, FrameSnapshot> _frames = [];
    private readonly Queue<FrameSnapshot> _ready = new();
    private readonly int? _maxBytes;
    private int _transitions;

    public ExecutionRunner(StateMachineDefinition definition, ExecutionSnapshot snapshot, WorkflowEnvironment env)
    {
        _definition = definition;
        _snapshot = snapshot;
        _env = env;
        _maxBytes = env.Limits.MaxPayloadBytes;
        foreach (var frame in snapshot.Frames) _frames[frame.Id] = frame;
    }

    private DateTimeOffset Now => _env.Now;

    public Advance Start(ExecutionStart start)
    {
        _snapshot.Status = ExecutionStatus.Running;
        var started = Emit(null, HistoryEventTypes.ExecutionStarted, input: start.Input, hasInput: true, roleArn: start.RoleArn);
        var root = new FrameSnapshot
        {
            Id = _snapshot.NextFrameId++,
            State = _definition.StartAt,
            Input = start.Input,
            LastEventId = started,
            Phase = FramePhase.Entering,
        };
        Add(root);
        _ready.Enqueue(root);
        if (_definition.TimeoutSeconds is { } timeout)
        {
            _snapshot.TimeoutTimerId = _snapshot.ExecutionArn + ":execution-timeout";
            _commands.Add(new StartTimer(_snapshot.TimeoutTimerId, start.StartTime.AddSeconds(timeout)));
        }
        Run();
        return Finish();
    }

    public Advance Resume(ExecutionSignal signal)
    {
        if (_snapshot.Status != ExecutionStatus.Running) return Finish();
        switch (signal)
        {
            case TaskSucceeded s:
                if (FindTask(s.InvocationId) is { } done) OnTaskSucceeded(done, s.Output);
                break;
            case TaskFailed f:
                if (FindTask(f.InvocationId) is { } failed) OnTaskFailed(failed, f.Error, f.Cause, HistoryEventTypes.TaskFailed);
                break;
            case TaskHeartbeat h:
                if (FindTask(h.InvocationId) is { } beating && beating.HeartbeatTimerId is not null) RestartHeartbeat(beating);
                break;
            case TimerFired t:
                OnTimer(t.TimerId);
                break;
            case StopRequested stop:
                EndAll(ExecutionStatus.Aborted, HistoryEventTypes.ExecutionAborted, stop.Error, stop.Cause);
                break;
        }
        if (_snapshot.Status == ExecutionStatus.Running)
        {
            foreach (var frame in _frames.Values.Where(f => f.Phase == FramePhase.Entering).OrderBy(f => f.Id))
            {
                if (!_ready.Contains(frame)) _ready.Enqueue(frame);
            }
            Run();
        }
        return Finish();
    }

    private Advance Finish()
    {
        _snapshot.Frames = [.. _frames.Values.OrderBy(f => f.Id)];
        return new Advance(_snapshot, _events, _commands);
    }

    private FrameSnapshot? FindTask(string invocationId)
    {
        foreach (var frame in _frames.Values)
        {
            if (frame.Phase == FramePhase.WaitingTask && frame.InvocationId == invocationId) return frame;
        }
        return null;
    }

    private void Run()
    {
        while (_ready.Count > 0 && _snapshot.Status == ExecutionStatus.Running)
        {
            if (_transitions >= _env.Limits.MaxTransitionsPerAdvance)
            {
                _commands.Add(new StartTimer($"{_snapshot.ExecutionArn}:continue:{++_snapshot.ContinueSequence}", Now));
                return;
            }
            var frame = _ready.Dequeue();
            if (frame.Phase != FramePhase.Entering || !_frames.ContainsKey(frame.Id)) continue;
            Enter(frame);
            if (_env.Limits.MaxHistoryEvents is { } cap && _snapshot.LastEventId > cap && _snapshot.Status == ExecutionStatus.Running)
            {
                FailExecution(_frames.GetValueOrDefault(0), StatesErrors.Runtime,
                    $"The execution reached the maximum number of history events ({cap}).");
            }
        }
    }

    private void Add(FrameSnapshot frame) => _frames[frame.Id] = frame;

    private State StateOf(FrameSnapshot frame) => _definition.StateAt(frame.Branch, frame.State);

    private EvaluationContext Context(FrameSnapshot frame, State state, JsonNode? input, JsonObject? mapItem = null) =>
        new(input, () => ContextObject(frame, state, mapItem), new FrameVariables(frame, id => _frames.GetValueOrDefault(id)), _env.Random, state.Name, frame.EnteredEventId)
        {
            Jsonata = _env.Jsonata,
        };

    private JsonObject ContextObject(FrameSnapshot frame, State state, JsonObject? mapItem)
    {
        var context = new JsonObject
        {
            ["Execution"] = new JsonObject
            {
                ["Id"] = _snapshot.ExecutionArn,
                ["Input"] = JsonNodes.Copy(_snapshot.Input),
                ["StartTime"] = Rfc3339.Format(_snapshot.StartTime),
                ["Name"] = _snapshot.Name,
                ["RoleArn"] = _snapshot.RoleArn,
                ["RedriveCount"] = _snapshot.RedriveCount,
            },
            ["StateMachine"] = new JsonObject
            {
                ["Id"] = _snapshot.StateMachineArn,
                ["Name"] = _snapshot.StateMachineName,
            },
            ["State"] = new JsonObject
            {
                ["EnteredTime"] = Rfc3339.Format(frame.EnteredTime),
                ["Name"] = state.Name,
                ["RetryCount"] = frame.RetryCount,
            },
        };
        if (frame.TaskToken is not null && state is TaskState) context["Task"] = new JsonObject { ["Token"] = frame.TaskToken };
        if (mapItem is not null) context["Map"] = new JsonObject { ["Item"] = mapItem };
        return context;
    }

    /// <summary>Appends a history event for <paramref name="frame"/> (chained on its last event) and returns its id.</summary>
    private long Emit(FrameSnapshot? frame, string type, string? name = null, JsonNode? input = null, bool hasInput = false,
        JsonNode? output = null, bool hasOutput = false, string? error = null, string? cause = null, int? index = null, int? length = null,
        IReadOnlyDictionary<string, JsonNode?>? assigned = null, string? roleArn = null, TaskState? task = null, JsonNode? parameters = null,
        int? timeout = null, int? heartbeat = null)
    {
        var id = ++_snapshot.LastEventId;
        var previous = frame?.LastEventId ?? (id - 1);
        if (frame is not null) frame.LastEventId = id;
        if (!_env.Limits.RecordHistory) return id;
        string? resourceType = null, resource = null;
        if (task is not null && type == HistoryEventTypes.LambdaFunctionScheduled) resource = task.Resource;
        else if (task is not null) (resourceType, resource) = ResourceParts(task.Resource);
        _events.Add(new HistoryEvent
        {
            Id = id,
            PreviousEventId = previous,
            Type = type,
            Timestamp = Now,
            Name = name,
            Input = input,
            HasInput = hasInput,
            Output = output,
            HasOutput = hasOutput,
            Error = error,
            Cause = cause,
            Index = index,
            Length = length,
            AssignedVariables = assigned,
            RoleArn = roleArn,
            ResourceType = resourceType,
            Resource = resource,
            Parameters = parameters,
            TimeoutInSeconds = timeout,
            HeartbeatInSeconds = heartbeat,
        });
        return id;
    }

    /// <summary>AWS's resourceType/resource split: <c>arn:aws:states:::lambda:invoke</c> is ("lambda", "invoke").</summary>
    internal static (string Type, string Resource) ResourceParts(string arn)
    {
        var parts = arn.Split(':', 6);
        if (parts.Length == 6 && parts[2] == "states" && parts[3].Length == 0 && parts[4].Length == 0)
        {
            var split = parts[5].IndexOf(':', StringComparison.Ordinal);
            if (split > 0) return (parts[5][..split], parts[5][(split + 1)..]);
        }
        return (parts.Length > 2 ? parts[2] : arn, arn);
    }
}
