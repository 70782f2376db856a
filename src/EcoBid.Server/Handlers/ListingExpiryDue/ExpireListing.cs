using Dapper;
using EcoBid.Domain.Events;
using EcoBid.Domain.Items;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Events;
using EcoBid.Server.Items;

namespace EcoBid.Server.Handlers.ListingExpiryDue;

/// <summary>Expires a listing whose time is up, if it is still available; the change commits with its ItemUpdated.</summary>
public sealed class ExpireListing : IEventHandler
{
    public const string Target = "ExpireListing";

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var due = envelope.Read<Domain.Events.ListingExpiryDue>();
        var expired = await scope.Connection.ExecuteAsync(
            "UPDATE items SET status = @expired, updated_at = @now WHERE id = @id AND status = @available",
            new { expired = ItemStatus.Expired, available = ItemStatus.Available, now = scope.Now.ToUnixTimeMilliseconds(), id = due.ItemId },
            scope.Transaction);
        if (expired == 0)
        {
            return; // taken, withdrawn or already expired: nothing to do
        }

        var item = (await ItemStore.FindAsync(scope.Connection, due.ItemId, scope.Transaction))!;
        await scope.PublishAsync(new ItemUpdated(
            item.Id, item.SellerId, item.Title, item.Description, item.Category, item.Status,
            new EventLocation(item.Lat, item.Lon, item.Geohash), ["status"], scope.Now));
    }
}
