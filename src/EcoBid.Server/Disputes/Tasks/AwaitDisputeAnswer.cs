using System.Text.Json.Nodes;
using Dapper;
using EcoBid.Server.Workflows.Tasks;

namespace EcoBid.Server.Disputes.Tasks;

/// <summary>
/// The callback task of DisputeResolution (<c>.waitForTaskToken</c>): keeps the token on the dispute so the other
/// party's answer (<c>stage: response</c>) or an admin's decision (<c>stage: admin</c>) can complete it.
/// </summary>
public sealed class AwaitDisputeAnswer : IWorkflowTask
{
    public string Name => "AwaitDisputeAnswer";

    public async Task<JsonNode?> RunAsync(JsonNode? input, WorkflowTaskContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = input?["disputeId"]?.GetValue<string>() ?? throw new WorkflowTaskException("Dispute.BadInput", "disputeId is missing.");
        var admin = input["stage"]?.GetValue<string>() == "admin";
        var sql = admin
            ? "UPDATE disputes SET status = 'awaiting_admin', admin_token = @token, execution_arn = @arn WHERE id = @id AND status <> 'resolved'"
            : "UPDATE disputes SET response_token = @token, execution_arn = @arn WHERE id = @id AND status <> 'resolved'";
        await context.Scope.Connection.ExecuteAsync(sql, new { id, token = context.TaskToken, arn = context.ExecutionArn }, context.Scope.Transaction);
        return null;
    }
}
