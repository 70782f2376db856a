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

        // Replace rather than insert: an index entry reflects the item, however often it is (re)indexed.
        await scope.Connection.ExecuteAsync(
            """
            DELETE FROM item_search WHERE item_id = @id;
            INSERT INTO item_search (item_id, title, description) VALUES (@id, @title, @description);
            """,
            new { id = created.ItemId, title = created.Title, description = created.Description },
            scope.Transaction);
    }
}
