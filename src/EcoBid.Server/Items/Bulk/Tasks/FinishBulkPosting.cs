using System.Text.Json.Nodes;
using EcoBid.Server.Workflows.Tasks;

namespace EcoBid.Server.Items.Bulk.Tasks;

/// <summary>
/// The last step of BulkItemPosting: an iteration that failed without recording an outcome (the Map tolerates every
/// failure) gets its error as the row's problem; then the posting ends with its counts and BulkPostingFinished, in
/// the same transaction, once: a re-run changes nothing and publishes nothing.
/// </summary>
public sealed class FinishBulkPosting : IWorkflowTask
{
    public string Name => "FinishBulkPosting";

    public async Task<JsonNode?> RunAsync(JsonNode? input, WorkflowTaskContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scope = context.Scope;
        var bulkId = BulkTaskInput.BulkId(input);
        var posting = await BulkPostingStore.FindAsync(scope.Connection, bulkId, scope.Transaction)
            ?? throw new WorkflowTaskException("BulkPosting.NotFound", $"No bulk posting {bulkId}.");
        var rows = await BulkPostingStore.ItemsAsync(scope.Connection, bulkId, scope.Transaction);
        var results = input?["results"] as JsonArray;
        foreach (var row in rows.Where(r => r.ItemId is null && r.Problem is null))
        {
            // The Map's results are in the order of its items, which are the rows in index order.
            var slot = results is not null && row.Idx < results.Count ? results[row.Idx] : null;
            var error = slot?["Error"]?.GetValue<string>() ?? "States.TaskFailed";
            var cause = slot?["Cause"]?.GetValue<string>();
            await BulkPostingStore.RecordAsync(scope, bulkId, row.Idx, null,
                new BulkItemProblem("The item could not be posted.", cause is null ? error : $"{error}: {cause}", null));
        }

        await BulkPostingStore.FinishAsync(scope, posting);
        var ended = await BulkPostingStore.FindAsync(scope.Connection, bulkId, scope.Transaction);
        return new JsonObject { ["posted"] = ended!.Posted, ["needChanges"] = ended.NeedChanges };
    }
}
