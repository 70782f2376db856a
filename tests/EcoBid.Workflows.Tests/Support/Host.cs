using System.Text.Json.Nodes;
using EcoBid.Jsonata;
using EcoBid.Workflows.Definition;
using EcoBid.Workflows.Execution;

namespace EcoBid.Workflows.Tests.Support;

/// <summary>
/// Drives executions the way a host would: carries out commands, fires timers on a fake clock, and optionally
/// serialises the snapshot between every step.
/// </summary>
public sealed class Host
{
    private readonly Dictionary<string, DateTimeOffset> _timers = new();

    public Host(string definition, Func<InvokeTask, TaskResult>? tasks = null, bool roundTrip = false, WorkflowLimits? limits = null)
    {
        var result = StateMachineDefinition.Parse(definition, new DefinitionOptions { Jsonata = Jsonata });
        if (!result.IsValid) throw new InvalidOperationException(result.InvalidDefinitionMessage);
        Definition = result.Definition!;
        Tasks = tasks ?? (_ => TaskResult.Fail("NoTask", "no task handler"));
        RoundTrip = roundTrip;
        Limits = limits ?? WorkflowLimits.Standard;
    }

    public StateMachineDefinition Definition { get; }

    public Func<InvokeTask, TaskResult> Tasks { get; set; }

    public bool RoundTrip { get; }

    public WorkflowLimits Limits { get; }

    public DateTimeOffset Now { get; set; } = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public List<HistoryEvent> History { get; } = [];

    public List<InvokeTask> Invocations { get; } = [];

    public List<InvokeTask> Pending { get; } = [];

    public ExecutionSnapshot? Snapshot { get; private set; }

    public int Steps { get; private set; }

    /// <summary>One engine for every test (each engine loads jsonata.js once).</summary>
    public static JsonataEngine Jsonata { get; } = new(new JsonataOptions { Functions = StepFunctionsFunctions.All });

    private WorkflowEnvironment Env() => new() { Now = Now, Random = new Random(42 + Steps), Limits = Limits, Jsonata = Jsonata };

    public static ExecutionStart StartOf(JsonNode? input, DateTimeOffset now) => new()
    {
        ExecutionArn = "arn:aws:states:us-east-1:123456789012:execution:Machine:run-1",
        Name = "run-1",
        StateMachineArn = "arn:aws:states:us-east-1:123456789012:stateMachine:Machine",
        StateMachineName = "Machine",
        Input = input,
        StartTime = now,
        RoleArn = "arn:aws:iam::123456789012:role/Role",
    };

    /// <summary>Runs to the end (or until only hanging tasks remain).</summary>
    public Advance Run(string? input = "{}") => Drive(Start(input));

    /// <summary>Starts the execution and carries out its first commands, firing no timer.</summary>
    public Advance Start(string? input = "{}")
    {
        var advance = WorkflowInterpreter.Start(Definition, StartOf(input is null ? null : JsonNode.Parse(input), Now), Env());
        Absorb(advance);
        return advance;
    }

    /// <summary>Delivers task outcomes and fires timers (earliest first, moving the clock) until the execution ends or nothing is left.</summary>
    public Advance Drive(Advance advance)
    {
        while (advance.Status == ExecutionStatus.Running)
        {
            var next = NextSignal();
            if (next is null) break;
            advance = Signal(next);
        }
        return advance;
    }

    public Advance Signal(ExecutionSignal signal)
    {
        var snapshot = Snapshot!;
        if (RoundTrip) snapshot = ExecutionSnapshot.Deserialize(snapshot.Serialize());
        var advance = WorkflowInterpreter.Resume(Definition, snapshot, signal, Env());
        Absorb(advance);
        return advance;
    }

    private ExecutionSignal? NextSignal()
    {
        while (_queue.Count > 0) return _queue.Dequeue();
        if (_timers.Count == 0) return null;
        var (id, due) = _timers.OrderBy(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).First();
        _timers.Remove(id);
        if (due > Now) Now = due;
        return new TimerFired(id);
    }

    private readonly Queue<ExecutionSignal> _queue = new();

    private void Absorb(Advance advance)
    {
        Steps++;
        Snapshot = advance.Snapshot;
        History.AddRange(advance.Events);
        foreach (var command in advance.Commands)
        {
            switch (command)
            {
                case StartTimer start:
                    _timers[start.TimerId] = start.DueAt;
                    break;
                case CancelTimer cancel:
                    _timers.Remove(cancel.TimerId);
                    break;
                case InvokeTask invoke:
                    Invocations.Add(invoke);
                    var result = Tasks(invoke);
                    if (result.Pending) Pending.Add(invoke);
                    else if (result.Error is not null) _queue.Enqueue(new TaskFailed(invoke.InvocationId, result.Error, result.Cause));
                    else _queue.Enqueue(new TaskSucceeded(invoke.InvocationId, result.Output));
                    break;
            }
        }
    }

    public IReadOnlyCollection<string> Timers => _timers.Keys;

    public IEnumerable<string> EventTypes => History.Select(e => e.Type);
}
