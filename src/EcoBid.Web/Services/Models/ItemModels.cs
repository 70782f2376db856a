namespace EcoBid.Web.Services.Models;

/// <summary>
/// An item as <c>GET /items/{id}</c> and the search answer it (the fields the pages show). One item's read carries
/// its <see cref="Images"/> (every state for its owner, ready ones for others); lists carry only the <see cref="Cover"/>.
/// </summary>
public sealed record Item(
    string Id, string? SellerId, string Title, string Description, string Category, string Mode, string Status,
    Location Location, string Moderation, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, Auction? Auction, double? DistanceKm,
    IReadOnlyList<ItemImage>? Images, ItemImage? Cover = null);

public sealed record Location(double Lat, double Lon);

/// <summary>
/// A photo of an item: <see cref="Placeholder"/> is a BlurHash, <see cref="Urls"/> the WebP renditions once ready,
/// <see cref="Problems"/> why it was refused (its owner only).
/// </summary>
public sealed record ItemImage(string Id, string Status, string? Placeholder, ImageUrls? Urls, int? Width, int? Height, IReadOnlyList<ImageProblem>? Problems = null);

/// <summary>Why a photo was refused, in words for its owner.</summary>
public sealed record ImageProblem(string Code, string Message);

public sealed record ImageUrls(string? Thumb, string? Medium, string? Large);

/// <summary>A page of search results; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record ItemPage(IReadOnlyList<Item> Items, string? NextCursor);
