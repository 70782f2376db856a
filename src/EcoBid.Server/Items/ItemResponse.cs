using EcoBid.Server.Auctions;
using EcoBid.Server.Images;

namespace EcoBid.Server.Items;

public sealed record ItemResponse(
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
    DateTimeOffset? ExpiresAt)
{
    /// <summary>For an item in auction mode with an auction: price, bids and the effective end (docs/auctions.md).</summary>
    public AuctionView? Auction { get; init; }

    /// <summary>
    /// The item's photos in the owner's order (docs/images.md): the ready ones for anyone, every state for the owner.
    /// Filled on reads of one item; lists leave it null and carry only the <see cref="Cover"/>.
    /// </summary>
    public IReadOnlyList<ImageResponse>? Images { get; init; }

    /// <summary>The first ready photo, or null: the thumbnail lists and search results show.</summary>
    public ImageResponse? Cover { get; init; }

    public static ItemResponse From(ItemRecord item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new ItemResponse(
            item.Id, item.SellerId, item.Title, item.Description, item.Category, item.Mode, item.Status,
            new LocationResponse(item.Lat, item.Lon, item.Geohash), item.Moderation,
            DateTimeOffset.FromUnixTimeMilliseconds(item.CreatedAt), DateTimeOffset.FromUnixTimeMilliseconds(item.UpdatedAt),
            item.ProcessedAt is { } processed ? DateTimeOffset.FromUnixTimeMilliseconds(processed) : null,
            item.ExpiresAt is { } expires ? DateTimeOffset.FromUnixTimeMilliseconds(expires) : null);
    }
}

public sealed record LocationResponse(double Lat, double Lon, string Geohash);
