namespace EcoBid.Server.Images;

/// <summary>Which of an item's photos a viewer sees: its owner all but lapsed upload tickets; anyone else the ready ones.</summary>
public static class ItemPhotos
{
    public static IReadOnlyList<ImageResponse> VisibleTo(IReadOnlyList<StoredImage> images, bool owner, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(images);
        var nowMs = now.ToUnixTimeMilliseconds();
        return images
            .Where(i => owner
                ? i.Image.Status != ImageStatus.AwaitingUpload || i.Image.UploadExpiresAt > nowMs
                : i.Image.Status == ImageStatus.Ready)
            .Select(i => ImageResponse.From(i, owner))
            .ToList();
    }

    /// <summary>The item's cover as a list shows it: its first ready photo, or null.</summary>
    public static ImageResponse? Cover(IReadOnlyDictionary<string, StoredImage> covers, string itemId)
    {
        ArgumentNullException.ThrowIfNull(covers);
        return covers.TryGetValue(itemId, out var cover) ? ImageResponse.From(cover, forOwner: false) : null;
    }
}
