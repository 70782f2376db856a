using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Workflows.Runtime;

namespace EcoBid.Server.Handlers.WorkflowSignal;

/// <summary>
/// Resumes a workflow execution whose timer fell due, or runs a task call that waited its turn, in the consumer's
/// transaction: the transition commits with the processed mark, so a redelivered wake-up changes nothing.
/// </summary>
public sealed class ResumeWorkflow(WorkflowRuntime runtime) : IEventHandler
{
    public const string Target = "ResumeWorkflow";

    public Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken) =>
        runtime.ResumeAsync(scope, envelope.Read<Domain.Events.WorkflowSignal>());
}
