using System.Text.Json.Nodes;
using Dapper;
using EcoBid.Server.Workflows.Tasks;

namespace EcoBid.Server.Disputes.Tasks;

/// <summary>
/// The automated resolution: the other party accepting decides for the opener; a seller's no-show claim the buyer
/// left unanswered decides for the seller when the buyer already has a no-show on record from another pickup (a lapsed
/// reservation or a claim decided for a seller, as <c>users.no_shows</c> counts them). Anything else escalates,
/// with the seconds left of the dispute's seven days for the admin's wait.
/// </summary>
public sealed class DecideDispute : IWorkflowTask
{
    public string Name => "DecideDispute";

    public async Task<JsonNode?> RunAsync(JsonNode? input, WorkflowTaskContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = input?["disputeId"]?.GetValue<string>() ?? throw new WorkflowTaskException("Dispute.BadInput", "disputeId is missing.");
        var dispute = await DisputeStore.FindAsync(context.Scope.Connection, id, context.Scope.Transaction)
            ?? throw new WorkflowTaskException("Dispute.NotFound", $"No dispute {id}.");
        string decision;
        if (dispute.ResponseAccept == true)
        {
            decision = dispute.OpenedBy;
        }
        else if (dispute.ResponseAccept is null && dispute.OpenedBy == DisputeRoles.Seller && dispute.Type == DisputeNoShow.Type
            && await DisputeNoShow.EarlierNoShowsAsync(context.Scope, dispute) > 0)
        {
            decision = DisputeRoles.Seller;
        }
        else
        {
            decision = "escalate";
        }

        // The answer window is over either way: a late answer must not reach a token the execution no longer waits on.
        await context.Scope.Connection.ExecuteAsync("UPDATE disputes SET response_token = NULL WHERE id = @Id", dispute, context.Scope.Transaction);
        var remaining = Math.Max(1, (dispute.ExpiresAt - context.Scope.Now.ToUnixTimeMilliseconds()) / 1000);
        return new JsonObject { ["decision"] = decision, ["remainingSeconds"] = remaining };
    }
}
