using System.Diagnostics;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Workflows;
using EcoBid.Server.Workflows.Runtime;

namespace EcoBid.Server.Handlers.StateMachineTarget;

/// <summary>
/// A rule target that is a state machine (<c>stateMachine:Name</c> in rules.json): starts a STANDARD execution with
/// the whole event as input, as EventBridge passes it. The execution is named after the event id, so a redelivered
/// event finds the execution it already started (same name, same input) and starts nothing.
/// </summary>
public sealed class StartStateMachine(WorkflowService workflows, string machine) : IEventHandler
{
    public const string Prefix = "stateMachine:";

    public string Machine => machine;

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        // A replayed event starts its own execution, once per replay.
        var name = envelope.ReplayName is null ? envelope.Id : $"{envelope.Id}-{WorkflowRuntime.InputHash(envelope.ReplayName)[..16]}";
        // The execution's steps hang under this delivery's span (the event's trace), or the event's parent untraced.
        var traceParent = Activity.Current?.Id ?? envelope.TraceParent;
        await workflows.StartInScopeAsync(scope, workflows.Arns.StateMachine(machine), name, envelope.ToJson(), traceParent, null);
    }
}
