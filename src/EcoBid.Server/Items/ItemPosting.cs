using EcoBid.Domain.Events;
using EcoBid.Domain.Geo;
using EcoBid.Domain.Items;
using EcoBid.Domain.Validation;
using EcoBid.Events.Storage;
using EcoBid.Server.Events;

namespace EcoBid.Server.Items;

/// <summary>
/// Posting one item, the one way it is done: <c>POST /items</c> and each row of a bulk posting (the CreateBulkItem
/// step of BulkItemPosting) both validate with <see cref="ItemRules"/> and store the row and its ItemCreated here.
/// </summary>
public static class ItemPosting
{
    public static NewItem ToNewItem(CreateItemRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new NewItem(request.Title, request.Description ?? string.Empty, request.Category, request.Mode, request.Location?.Lat, request.Location?.Lon);
    }

    public static ValidationErrors Validate(NewItem item) => ItemRules.Validate(item);

    /// <summary>Stores an item <see cref="Validate"/> accepted, with its ItemCreated, in the caller's transaction.</summary>
    public static async Task<ItemRecord> CreateAsync(IWriteScope scope, string sellerId, NewItem newItem)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(newItem);
        var now = scope.Now;
        var point = new GeoPoint(newItem.Lat!.Value, newItem.Lon!.Value);
        var record = new ItemRecord
        {
            Id = Guid.CreateVersion7(now).ToString(),
            SellerId = sellerId,
            Title = newItem.Title!.Trim(),
            Description = newItem.Description!.Trim(),
            Category = newItem.Category!,
            Mode = newItem.Mode!,
            Status = ItemStatus.Available,
            Lat = point.Lat,
            Lon = point.Lon,
            Geohash = Geohash.Encode(point),
            Moderation = "pending",
            CreatedAt = now.ToUnixTimeMilliseconds(),
            UpdatedAt = now.ToUnixTimeMilliseconds(),
        };
        await ItemStore.InsertAsync(scope.Connection, scope.Transaction, record);
        await scope.PublishAsync(new ItemCreated(
            record.Id, record.SellerId, record.Title, record.Description, record.Category, record.Mode,
            new EventLocation(record.Lat, record.Lon, record.Geohash), now));
        return record;
    }
}
