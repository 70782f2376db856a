using EcoBid.Workflows.Definition;

namespace EcoBid.Workflows.Execution;

/// <summary>
/// Runs executions of a <see cref="StateMachineDefinition"/> as a deterministic step function over an
/// <see cref="ExecutionSnapshot"/>: no I/O, no clock, no threads. Each call runs every state it can and stops when
/// every branch is blocked on a task, a timer, or the execution has ended. Given the same snapshot, signal and
/// environment (time and random seed), a call gives the same result, so a host that persists the snapshot and events
/// of each <see cref="Advance"/> in one transaction, then carries out its commands, can resume after a crash.
/// </summary>
public static class WorkflowInterpreter
{
    /// <summary>Starts an execution: writes ExecutionStarted and runs until blocked or finished.</summary>
    public static Advance Start(StateMachineDefinition definition, ExecutionStart start, WorkflowEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(env);
        var snapshot = new ExecutionSnapshot
        {
            ExecutionArn = start.ExecutionArn,
            Name = start.Name,
            StateMachineArn = start.StateMachineArn,
            StateMachineName = start.StateMachineName,
            RoleArn = start.RoleArn,
            Input = start.Input,
            StartTime = start.StartTime,
            RedriveCount = start.RedriveCount,
        };
        return new ExecutionRunner(definition, snapshot, env).Start(start);
    }

    /// <summary>
    /// Applies one signal to a snapshot and runs until blocked or finished. The snapshot is updated in place and
    /// returned in the <see cref="Advance"/>. Signals for tasks or timers that are no longer awaited are ignored
    /// (no events, no commands), so duplicates are harmless; an ended execution ignores every signal.
    /// </summary>
    public static Advance Resume(StateMachineDefinition definition, ExecutionSnapshot snapshot, ExecutionSignal signal, WorkflowEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(env);
        return new ExecutionRunner(definition, snapshot, env).Resume(signal);
    }
}
