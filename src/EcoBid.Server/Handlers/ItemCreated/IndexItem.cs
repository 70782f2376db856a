using Dapper;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;

namespace EcoBid.Server.Handlers.ItemCreated;

/// <summary>Keeps the full-text index (the part OpenSearch plays in the seeds) in step with items.</summary>
public sealed class IndexItem : IEventHandler
{
    public const string Target = "Index";

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var created = envelope.Read<Domain.Events.ItemCreated>();

        // Replace rather than insert: an index entry reflects the item, however often it is (re)indexed. The old entry
        // is found through item_search_keys by rowid; a WHERE on item_id would scan the whole FTS5 index.
        await scope.Connection.ExecuteAsync(
            """
            DELETE FROM item_search WHERE rowid = (SELECT search_rowid FROM item_search_keys WHERE item_id = @id);
            INSERT INTO item_search (item_id, title, description) VALUES (@id, @title, @description);
            INSERT INTO item_search_keys (item_id, search_rowid) VALUES (@id, last_insert_rowid())
            ON CONFLICT (item_id) DO UPDATE SET search_rowid = excluded.search_rowid;
            """,
            new { id = created.ItemId, title = created.Title, description = created.Description },
            scope.Transaction);
    }
}
