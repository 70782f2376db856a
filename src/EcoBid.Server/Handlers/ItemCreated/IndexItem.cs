using Dapper;
using EcoBid.Domain.Items;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Items.Search;
using EcoBid.Server.Storage;

namespace EcoBid.Server.Handlers.ItemCreated;

/// <summary>
/// Keeps the full-text index (the part OpenSearch plays in the seeds) in step with items, on ItemCreated, ItemUpdated
/// and ItemDeleted. It indexes the item as it is now, not as the event describes it, so events arriving late or out
/// of order (or replayed) leave the index right. An index entry shares its item's row id (seq): replacing one is a
/// rowid lookup, never a scan of the index.
/// </summary>
public sealed class IndexItem : IEventHandler
{
    public const string Target = "Index";

    private static readonly string Reindex = $"""
        DELETE FROM item_search WHERE rowid = (SELECT seq FROM items WHERE id = @itemId);
        INSERT INTO item_search (rowid, item_id, title, description, cells, category, mode)
        SELECT seq, id, title, description, {SearchCells.FromGeohashSql("geohash")}, category, mode FROM items
        WHERE id = @itemId AND status <> @withdrawn;
        """;

    // The words are folded here (PostgresSearchText), so the row is read first.
    private static readonly string ReindexOnPostgres = $"""
        DELETE FROM item_search WHERE item_id = @itemId;
        INSERT INTO item_search (seq, item_id, title_words, words)
        SELECT seq, id, to_tsvector('{PostgresSearchText.Configuration}', @title), to_tsvector('{PostgresSearchText.Configuration}', @title || ' ' || @description)
        FROM items WHERE id = @itemId AND status <> @withdrawn;
        """;

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(scope);
        var itemId = envelope.Detail.GetProperty("itemId").GetString();
        if (SqlDialects.Of(scope.Connection) == SqlDialect.Sqlite)
        {
            await scope.Connection.ExecuteAsync(Reindex, new { itemId, withdrawn = ItemStatus.Withdrawn }, scope.Transaction);
            return;
        }

        var text = await scope.Connection.QuerySingleOrDefaultAsync<(string Title, string Description)>(
            "SELECT title, description FROM items WHERE id = @itemId", new { itemId }, scope.Transaction);
        await scope.Connection.ExecuteAsync(
            ReindexOnPostgres,
            new
            {
                itemId,
                title = PostgresSearchText.Fold(text.Title ?? string.Empty),
                description = PostgresSearchText.Fold(text.Description ?? string.Empty),
                withdrawn = ItemStatus.Withdrawn,
            },
            scope.Transaction);
    }
}
