using System.Text.Json.Nodes;

namespace EcoBid.Domain.Events;

/// <summary>
/// Wakes a workflow execution: a durable timer it asked for fell due (<c>TimerId</c>), or a signal that could not be
/// applied in the transaction that produced it (<c>Signal</c>: <c>{"kind": "succeeded"|"failed", "invocationId", …}</c>)
/// waits in the outbox. Internal to the workflow runtime; rules route it to ResumeWorkflow.
/// </summary>
[DomainEvent(EventSources.Workflows, "WorkflowSignal")]
public sealed record WorkflowSignal(string ExecutionArn, string? TimerId, JsonObject? Signal);
