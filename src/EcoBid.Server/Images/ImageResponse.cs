using System.Text.Json;
using EcoBid.Images.Processing;
using EcoBid.Server.Events;

namespace EcoBid.Server.Images;

/// <summary>
/// A photo as the API shows it. Once <c>ready</c>: its BlurHash <see cref="Placeholder"/>, the original's upright
/// size, and the renditions' immutable URLs as WebP (<see cref="Urls"/>) and JPEG (<see cref="JpegUrls"/>) with their
/// pixel sizes. <see cref="Problems"/> (owner only) say why it was refused, or why moderation flagged it.
/// </summary>
public sealed record ImageResponse(
    string Id,
    string Status,
    int Position,
    string? Placeholder,
    int? Width,
    int? Height,
    RenditionUrls? Urls,
    RenditionUrls? JpegUrls,
    RenditionSizes? Sizes,
    IReadOnlyList<ImageProblem> Problems)
{
    public static ImageResponse From(StoredImage stored, bool forOwner)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var image = stored.Image;
        var webp = UrlsIn(stored.Renditions, "webp");
        var jpeg = UrlsIn(stored.Renditions, "jpeg");
        var sizes = webp is null ? null : SizesIn(stored.Renditions);
        var problems = forOwner && image.Problems is { Length: > 0 } json
            ? JsonSerializer.Deserialize<List<ImageProblem>>(json, EcoBidJson.Web) ?? []
            : [];
        return new ImageResponse(image.Id, image.Status, image.Position, image.Placeholder, image.Width, image.Height, webp, jpeg, sizes, problems);
    }

    private static RenditionUrls? UrlsIn(IReadOnlyList<RenditionRecord> renditions, string format)
    {
        string? Url(string name) => renditions.FirstOrDefault(r => r.Name == name && r.Format == format) is { } r ? ImageBlobNames.Url(r) : null;
        return Url("thumb") is { } thumb && Url("medium") is { } medium && Url("large") is { } large ? new RenditionUrls(thumb, medium, large) : null;
    }

    private static RenditionSizes? SizesIn(IReadOnlyList<RenditionRecord> renditions)
    {
        RenditionSize? Size(string name) => renditions.FirstOrDefault(r => r.Name == name) is { } r ? new RenditionSize(r.Width, r.Height) : null;
        return Size("thumb") is { } thumb && Size("medium") is { } medium && Size("large") is { } large ? new RenditionSizes(thumb, medium, large) : null;
    }
}

/// <summary>The URLs of a photo's three renditions in one format: <c>thumb</c> (160 px square), <c>medium</c> (480 px), <c>large</c> (1280 px).</summary>
public sealed record RenditionUrls(string Thumb, string Medium, string Large);

/// <summary>The pixel sizes of the three renditions (the same in both formats), for <c>srcset</c> and layout.</summary>
public sealed record RenditionSizes(RenditionSize Thumb, RenditionSize Medium, RenditionSize Large);

public sealed record RenditionSize(int Width, int Height);
