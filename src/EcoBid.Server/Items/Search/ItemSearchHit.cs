using System.Text.Json.Serialization;

namespace EcoBid.Server.Items.Search;

/// <summary>An item as search returns it: the item, and how far it is from the centre when one was given.</summary>
public sealed record ItemSearchHit(
    string Id,
    string? SellerId,
    string Title,
    string Description,
    string Category,
    string Mode,
    string Status,
    LocationResponse Location,
    string Moderation,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ProcessedAt,
    DateTimeOffset? ExpiresAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? DistanceKm)
{
    /// <summary>The auction's public state, for an item in auction mode with an auction; null otherwise, as on item reads.</summary>
    public Auctions.AuctionView? Auction { get; init; }

    /// <summary>The item's first ready photo (its cover), or null when it has none.</summary>
    public Images.ImageResponse? Cover { get; init; }

    /// <summary>Distances are shown to the metre; ordering and cursors use the exact value.</summary>
    public static ItemSearchHit From(ItemRecord item, double? distanceKm)
    {
        var response = ItemResponse.From(item);
        return new ItemSearchHit(
            response.Id, response.SellerId, response.Title, response.Description, response.Category, response.Mode, response.Status,
            response.Location, response.Moderation, response.CreatedAt, response.UpdatedAt, response.ProcessedAt, response.ExpiresAt,
            distanceKm is { } km ? Math.Round(km, 3) : null);
    }
}
