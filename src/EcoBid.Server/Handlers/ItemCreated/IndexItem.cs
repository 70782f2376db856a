using Dapper;
using EcoBid.Domain.Items;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Items;

namespace EcoBid.Server.Handlers.ItemCreated;

/// <summary>
/// Keeps the full-text index (the part OpenSearch plays in the seeds) in step with items, on ItemCreated, ItemUpdated
/// and ItemDeleted. It indexes the item as it is now, not as the event describes it, so events arriving late or out
/// of order (or replayed) leave the index right.
/// </summary>
public sealed class IndexItem : IEventHandler
{
    public const string Target = "Index";

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(scope);
        var itemId = envelope.Detail.GetProperty("itemId").GetString()!;
        var item = await ItemStore.FindAsync(scope.Connection, itemId, scope.Transaction);

        // The old entry is found through item_search_keys by rowid: a WHERE on item_id would scan the whole FTS5 index.
        await scope.Connection.ExecuteAsync(
            """
            DELETE FROM item_search WHERE rowid = (SELECT search_rowid FROM item_search_keys WHERE item_id = @itemId);
            DELETE FROM item_search_keys WHERE item_id = @itemId;
            """,
            new { itemId },
            scope.Transaction);
        if (item is not null && item.Status != ItemStatus.Withdrawn)
        {
            await scope.Connection.ExecuteAsync(
                """
                INSERT INTO item_search (item_id, title, description) VALUES (@Id, @Title, @Description);
                INSERT INTO item_search_keys (item_id, search_rowid) VALUES (@Id, last_insert_rowid());
                """,
                item,
                scope.Transaction);
        }
    }
}
