using System.Data.Common;
using System.Text.Json;
using Dapper;
using EcoBid.Domain.Events;
using EcoBid.Events.Storage;
using EcoBid.Server.Events;
using EcoBid.Server.Workflows;

namespace EcoBid.Server.Items.Bulk;

/// <summary>The bulk posting rows, each step inside the caller's transaction.</summary>
public static class BulkPostingStore
{
    /// <summary>The state machine that runs a bulk posting (<c>rules/workflows/BulkItemPosting.asl.json</c>).</summary>
    public const string StateMachine = "BulkItemPosting";

    private const string Columns = "b.id, b.seller_id, b.status, b.format, b.total, b.posted, b.need_changes, b.execution_arn, b.created_at, b.finished_at";

    /// <summary>
    /// Stores the posting and its rows and publishes BulkPostingStarted, whose rule starts the state machine once this
    /// commits. The execution is named after the event (as every rule-started one is), so its ARN is known now.
    /// </summary>
    public static async Task<BulkPostingRecord> CreateAsync(IWriteScope scope, WorkflowArns arns, string sellerId, string format, IReadOnlyList<CreateItemRequest> items)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(arns);
        ArgumentNullException.ThrowIfNull(items);
        var now = scope.Now;
        var id = Guid.CreateVersion7(now).ToString();
        var started = await scope.PublishAsync(new BulkPostingStarted(id, sellerId, items.Count, now));
        var posting = new BulkPostingRecord
        {
            Id = id,
            SellerId = sellerId,
            Status = BulkPostingStatus.Running,
            Format = format,
            Total = items.Count,
            ExecutionArn = arns.Execution(StateMachine, started.Id),
            CreatedAt = now.ToUnixTimeMilliseconds(),
        };
        await scope.Connection.ExecuteAsync(
            "INSERT INTO bulk_postings (id, seller_id, status, format, total, execution_arn, created_at) VALUES (@Id, @SellerId, @Status, @Format, @Total, @ExecutionArn, @CreatedAt)",
            posting,
            scope.Transaction);
        await scope.Connection.ExecuteAsync(
            "INSERT INTO bulk_posting_items (bulk_id, idx, request) VALUES (@id, @idx, @request)",
            items.Select((item, idx) => new { id, idx, request = JsonSerializer.Serialize(item, EcoBidJson.Web) }),
            scope.Transaction);
        return posting;
    }

    public static Task<BulkPostingRecord?> FindAsync(DbConnection connection, string id, DbTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<BulkPostingRecord>(
            $"SELECT {Columns}, e.status AS execution_status FROM bulk_postings b LEFT JOIN workflow_executions e ON e.arn = b.execution_arn WHERE b.id = @id",
            new { id },
            transaction);

    public static async Task<IReadOnlyList<BulkPostingItemRecord>> ItemsAsync(DbConnection connection, string bulkId, DbTransaction? transaction = null) =>
        (await connection.QueryAsync<BulkPostingItemRecord>(
            "SELECT bulk_id, idx, request, item_id, problem FROM bulk_posting_items WHERE bulk_id = @bulkId ORDER BY idx", new { bulkId }, transaction)).AsList();

    public static Task<BulkPostingItemRecord?> FindItemAsync(IWriteScope scope, string bulkId, int index)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Connection.QuerySingleOrDefaultAsync<BulkPostingItemRecord>(
            "SELECT bulk_id, idx, request, item_id, problem FROM bulk_posting_items WHERE bulk_id = @bulkId AND idx = @index", new { bulkId, index }, scope.Transaction);
    }

    /// <summary>Records a row's outcome, once: false when it already had one.</summary>
    public static async Task<bool> RecordAsync(IWriteScope scope, string bulkId, int index, string? itemId, BulkItemProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var changed = await scope.Connection.ExecuteAsync(
            "UPDATE bulk_posting_items SET item_id = @itemId, problem = @problem WHERE bulk_id = @bulkId AND idx = @index AND item_id IS NULL AND problem IS NULL",
            new { bulkId, index, itemId, problem = problem is null ? null : JsonSerializer.Serialize(problem, EcoBidJson.Web) },
            scope.Transaction);
        return changed == 1;
    }

    /// <summary>Ends the posting once with its counts and publishes BulkPostingFinished; false when it had ended already.</summary>
    public static async Task<bool> FinishAsync(IWriteScope scope, BulkPostingRecord posting)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(posting);
        var posted = await scope.Connection.ExecuteScalarAsync<int>("SELECT COUNT(item_id) FROM bulk_posting_items WHERE bulk_id = @Id", posting, scope.Transaction);
        var needChanges = await scope.Connection.ExecuteScalarAsync<int>("SELECT COUNT(problem) FROM bulk_posting_items WHERE bulk_id = @Id", posting, scope.Transaction);
        var changed = await scope.Connection.ExecuteAsync(
            "UPDATE bulk_postings SET status = @status, posted = @posted, need_changes = @needChanges, finished_at = @at WHERE id = @Id AND status = 'running'",
            new { posting.Id, status = BulkPostingStatus.Succeeded, posted, needChanges, at = scope.Now.ToUnixTimeMilliseconds() },
            scope.Transaction);
        if (changed == 0)
        {
            return false;
        }

        await scope.PublishAsync(new BulkPostingFinished(posting.Id, posting.SellerId, posting.Total, posted, needChanges, scope.Now));
        return true;
    }

    public static BulkItemProblem? ReadProblem(string? json) => json is null ? null : JsonSerializer.Deserialize<BulkItemProblem>(json, EcoBidJson.Web);
}
