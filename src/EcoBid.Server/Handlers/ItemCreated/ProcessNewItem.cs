using Dapper;
using EcoBid.Domain.Events;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Events.Timers;
using EcoBid.Server.Events;
using EcoBid.Server.Items;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Handlers.ItemCreated;

/// <summary>Completes a new listing: stamps it processed and sets the timer that expires it.</summary>
public sealed class ProcessNewItem(IOptions<ItemsOptions> options, ITimerStore timers) : IEventHandler
{
    public const string Target = "ProcessNewItem";

    public static string ExpiryTimerKey(string itemId) => $"listing-expiry:{itemId}";

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var created = envelope.Read<Domain.Events.ItemCreated>();
        var expiresAt = created.CreatedAt.Add(options.Value.ListingDuration);
        var updated = await scope.Connection.ExecuteAsync(
            "UPDATE items SET processed_at = @now, expires_at = @expires WHERE id = @id AND processed_at IS NULL",
            new { now = scope.Now.ToUnixTimeMilliseconds(), expires = expiresAt.ToUnixTimeMilliseconds(), id = created.ItemId },
            scope.Transaction);
        if (updated == 1)
        {
            var due = DomainEventPublishing.Envelope(new Domain.Events.ListingExpiryDue(created.ItemId, expiresAt), scope.Now);
            await timers.ScheduleAsync(scope, new ScheduledTimer(ExpiryTimerKey(created.ItemId), expiresAt, due.ToJson()));
        }
    }
}
