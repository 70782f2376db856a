using System.Text.Json.Nodes;
using EcoBid.Server.Workflows.Tasks;

namespace EcoBid.Server.Items.Bulk.Tasks;

/// <summary>The fields the bulk posting steps read from their payload; a missing one fails the step naming it.</summary>
public static class BulkTaskInput
{
    public static string BulkId(JsonNode? input) =>
        input?["bulkId"]?.GetValue<string>() ?? throw new WorkflowTaskException("BulkPosting.BadInput", "bulkId is missing.");

    public static int Index(JsonNode? input) =>
        input?["index"]?.GetValue<int>() ?? throw new WorkflowTaskException("BulkPosting.BadInput", "index is missing.");
}
