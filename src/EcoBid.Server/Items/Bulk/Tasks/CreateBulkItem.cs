using System.Text.Json;
using System.Text.Json.Nodes;
using EcoBid.Server.Events;
using EcoBid.Server.Storage;
using EcoBid.Server.Workflows.Tasks;

namespace EcoBid.Server.Items.Bulk.Tasks;

/// <summary>
/// One iteration of BulkItemPosting's Map: validates and creates the row's item exactly as <c>POST /items</c> does
/// (<see cref="ItemPosting"/>), for the poster, and records the outcome on the row. Returns <c>{index, itemId}</c>
/// or <c>{index, problem}</c>. A row that already has an outcome returns it and creates nothing: a step re-run after
/// a crash, a retry (a new attempt, a new invocation id) or a second execution for the same posting never posts an
/// item twice. The check and the insert are one write transaction, the execution's, so nothing can slip between them.
/// </summary>
public sealed class CreateBulkItem : IWorkflowTask
{
    public string Name => "CreateBulkItem";

    public async Task<JsonNode?> RunAsync(JsonNode? input, WorkflowTaskContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scope = context.Scope;
        var bulkId = BulkTaskInput.BulkId(input);
        var index = BulkTaskInput.Index(input);
        await AggregateLocks.BulkPostingAsync(scope, bulkId);
        var posting = await BulkPostingStore.FindAsync(scope.Connection, bulkId, scope.Transaction)
            ?? throw new WorkflowTaskException("BulkPosting.NotFound", $"No bulk posting {bulkId}.");
        var row = await BulkPostingStore.FindItemAsync(scope, bulkId, index)
            ?? throw new WorkflowTaskException("BulkPosting.NotFound", $"Bulk posting {bulkId} has no item {index}.");
        if (row.ItemId is not null || row.Problem is not null)
        {
            return Outcome(index, row.ItemId, BulkPostingStore.ReadProblem(row.Problem));
        }

        var request = JsonSerializer.Deserialize<CreateItemRequest>(row.Request, EcoBidJson.Web)
            ?? throw new WorkflowTaskException("BulkPosting.BadInput", $"Item {index} of {bulkId} is empty.");
        var newItem = ItemPosting.ToNewItem(request);
        var errors = ItemPosting.Validate(newItem);
        if (!errors.IsValid)
        {
            var problem = new BulkItemProblem("The request has invalid fields.", $"Item {index} was not posted: change the fields named in errors and post it again.", errors.ToDictionary().AsReadOnly());
            await BulkPostingStore.RecordAsync(scope, bulkId, index, null, problem);
            return Outcome(index, null, problem);
        }

        var item = await ItemPosting.CreateAsync(scope, posting.SellerId, newItem);
        await BulkPostingStore.RecordAsync(scope, bulkId, index, item.Id, null);
        return Outcome(index, item.Id, null);
    }

    private static JsonObject Outcome(int index, string? itemId, BulkItemProblem? problem)
    {
        var result = new JsonObject { ["index"] = index };
        if (itemId is not null)
        {
            result["itemId"] = itemId;
        }

        if (problem is not null)
        {
            result["problem"] = JsonSerializer.SerializeToNode(problem, EcoBidJson.Web);
        }

        return result;
    }
}
