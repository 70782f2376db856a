using Dapper;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Items;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Handlers.ItemCreated;

/// <summary>Completes a new listing: stamps it processed and sets when it expires.</summary>
public sealed class ProcessNewItem(IOptions<ItemsOptions> options) : IEventHandler
{
    public const string Target = "ProcessNewItem";

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var created = envelope.Read<Domain.Events.ItemCreated>();
        var expiresAt = created.CreatedAt.AddDays(options.Value.ListingDays);
        await scope.Connection.ExecuteAsync(
            "UPDATE items SET processed_at = @now, expires_at = @expires WHERE id = @id AND processed_at IS NULL",
            new { now = scope.Now.ToUnixTimeMilliseconds(), expires = expiresAt.ToUnixTimeMilliseconds(), id = created.ItemId },
            scope.Transaction);
    }
}
