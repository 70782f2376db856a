using System.Text.Json.Nodes;
using EcoBid.Server.Workflows.Tasks;

namespace EcoBid.Server.Disputes.Tasks;

/// <summary>Records the outcome once and publishes DisputeResolved; a re-run after a crash changes nothing.</summary>
public sealed class ResolveDispute : IWorkflowTask
{
    public string Name => "ResolveDispute";

    public async Task<JsonNode?> RunAsync(JsonNode? input, WorkflowTaskContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = input?["disputeId"]?.GetValue<string>() ?? throw new WorkflowTaskException("Dispute.BadInput", "disputeId is missing.");
        var outcome = input["outcome"]?.GetValue<string>() ?? throw new WorkflowTaskException("Dispute.BadInput", "outcome is missing.");
        var resolvedBy = input["resolvedBy"]?.GetValue<string>() ?? "automatic";
        var note = input["note"]?.GetValue<string?>();
        var dispute = await DisputeStore.FindAsync(context.Scope.Connection, id, context.Scope.Transaction)
            ?? throw new WorkflowTaskException("Dispute.NotFound", $"No dispute {id}.");
        var changed = await DisputeStore.ResolveAsync(context.Scope, dispute, outcome, resolvedBy, note);
        return new JsonObject { ["resolved"] = changed, ["outcome"] = outcome };
    }
}
