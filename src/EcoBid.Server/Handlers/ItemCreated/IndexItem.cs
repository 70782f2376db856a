using Dapper;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Items.Search;

namespace EcoBid.Server.Handlers.ItemCreated;

/// <summary>Keeps the full-text index (the part OpenSearch plays in the seeds) in step with items.</summary>
public sealed class IndexItem : IEventHandler
{
    public const string Target = "Index";

    private static readonly string Upsert = $"""
        DELETE FROM item_search WHERE rowid = (SELECT seq FROM items WHERE id = @id);
        INSERT INTO item_search (rowid, item_id, title, description, cells, category, mode)
        SELECT seq, id, @title, @description, {SearchCells.FromGeohashSql("geohash")}, category, mode FROM items WHERE id = @id;
        """;

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var created = envelope.Read<Domain.Events.ItemCreated>();

        // Replace rather than insert: an index entry reflects the item, however often it is (re)indexed. The entry
        // shares the item's row id, so search joins on it; an item that no longer exists has nothing to index.
        await scope.Connection.ExecuteAsync(
            Upsert,
            new { id = created.ItemId, title = created.Title, description = created.Description },
            scope.Transaction);
    }
}
