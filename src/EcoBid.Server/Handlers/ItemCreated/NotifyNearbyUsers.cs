using Dapper;
using EcoBid.Domain.Geo;
using EcoBid.Domain.Items;
using EcoBid.Domain.Moderation;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Items;
using EcoBid.Server.Notifications;
using EcoBid.Server.SavedSearches;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Handlers.ItemCreated;

/// <summary>
/// The seeds' NotifyNearbyUsers: alerts the people whose saved searches a new item matches (never its poster), once
/// per item per person however many of their searches match. Only items the moderation approves are announced. The
/// Moderate handler runs beside this one on the same event, so instead of waiting for its verdict this handler
/// applies the same pure rule (<see cref="TextModeration"/> with the same terms) when the item is still pending, and
/// skips an item that is flagged either way.
/// </summary>
public sealed class NotifyNearbyUsers(Notifier notifier, IOptions<ModerationOptions> moderation, IOptions<NotificationsOptions> options) : IEventHandler
{
    public const string Target = "NotifyNearbyUsers";

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(scope);
        var created = envelope.Read<Domain.Events.ItemCreated>();
        var item = await ItemStore.FindAsync(scope.Connection, created.ItemId, scope.Transaction);
        if (item is null || item.Status != ItemStatus.Available || !IsApproved(item))
        {
            return;
        }

        var location = new GeoPoint(item.Lat, item.Lon);
        var matches = (await SavedSearchStore.CandidatesAsync(scope.Connection, scope.Transaction, location, item.SellerId))
            .Where(s => s.Criteria().Matches(location, item.Category, item.Title, item.Description))
            .GroupBy(s => s.UserId, StringComparer.Ordinal)
            .Select(g => g.MinBy(s => new GeoPoint(s.Lat, s.Lon).DistanceKmTo(location))!)
            .Take(options.Value.MaxNearbyAlertsPerItem);
        foreach (var search in matches)
        {
            var first = await scope.Connection.ExecuteAsync(
                "INSERT INTO nearby_alerts (item_id, user_id, alerted_at) VALUES (@itemId, @userId, @now) ON CONFLICT DO NOTHING",
                new { itemId = item.Id, userId = search.UserId, now = scope.Now.ToUnixTimeMilliseconds() },
                scope.Transaction);
            if (first == 0)
            {
                continue;
            }

            var distance = new GeoPoint(search.Lat, search.Lon).DistanceKmTo(location);
            var text = NotificationTexts.NearbyItem(item.Title, item.Category, distance, search.Name);
            await notifier.NotifyAsync(scope, new NotificationRequest(
                search.UserId, NotificationKinds.NearbyItem, text.Title, text.Body,
                new { ItemId = item.Id, item.Title, item.Category, item.Mode, SavedSearchId = search.Id, DistanceKm = Math.Round(distance, 2) },
                envelope.Id, $"{NotificationKinds.NearbyItem}:{item.Id}:{search.UserId}"));
        }
    }

    private bool IsApproved(ItemRecord item) => item.Moderation switch
    {
        TextModeration.Approved => true,
        TextModeration.Flagged => false,
        _ => TextModeration.Review($"{item.Title}\n{item.Description}", moderation.Value.BlockedTerms).Status == TextModeration.Approved,
    };
}
