using System.Text.Json.Nodes;
using EcoBid.Server.Workflows.Tasks;

namespace EcoBid.Server.Items.Bulk.Tasks;

/// <summary>
/// The first step of BulkItemPosting: the posting's rows as the Map's items, by reference (<c>{index}</c>). The rows
/// themselves stay in the database: 200 items of up to 4,000 characters each would pass the 256 KiB an execution's
/// data may hold.
/// </summary>
public sealed class LoadBulkPosting : IWorkflowTask
{
    public string Name => "LoadBulkPosting";

    public async Task<JsonNode?> RunAsync(JsonNode? input, WorkflowTaskContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var bulkId = BulkTaskInput.BulkId(input);
        var rows = await BulkPostingStore.ItemsAsync(context.Scope.Connection, bulkId, context.Scope.Transaction);
        if (rows.Count == 0)
        {
            throw new WorkflowTaskException("BulkPosting.NotFound", $"No bulk posting {bulkId}.");
        }

        return new JsonObject { ["items"] = new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject { ["index"] = r.Idx })]) };
    }
}
