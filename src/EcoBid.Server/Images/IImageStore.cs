using System.Data.Common;
using EcoBid.Events.Storage;

namespace EcoBid.Server.Images;

/// <summary>
/// Every statement about photos. Reads take a connection (and the caller's transaction, if any); writes take the
/// caller's write scope, so they commit with whatever else it does (the event it publishes, above all).
/// </summary>
public interface IImageStore
{
    Task<ImageRecord?> FindAsync(DbConnection connection, string imageId, DbTransaction? transaction = null);

    /// <summary>The item's photos in the owner's order, each with its renditions.</summary>
    Task<IReadOnlyList<StoredImage>> ForItemAsync(DbConnection connection, string itemId, DbTransaction? transaction = null);

    /// <summary>Each item's cover, its first ready photo, for those items that have one.</summary>
    Task<IReadOnlyDictionary<string, StoredImage>> CoversAsync(DbConnection connection, IReadOnlyCollection<string> itemIds, DbTransaction? transaction = null);

    /// <summary>The rendition with this content hash, if its photo is ready (nothing else is ever served).</summary>
    Task<RenditionRecord?> FindServableAsync(DbConnection connection, string imageId, string sha256);

    /// <summary>The perceptual hashes of the seller's other processed photos, for moderation's near-duplicate check.</summary>
    Task<IReadOnlyList<SellerImageHash>> SellerHashesAsync(DbConnection connection, string sellerId, string exceptImageId);

    /// <summary>Photos that count toward an item's limit: all but refused ones and tickets whose URL has expired.</summary>
    Task<int> CountHeldAsync(IWriteScope scope, string itemId);

    /// <summary>Adds the photo after the item's others (its position is the next free one).</summary>
    Task<ImageRecord> InsertAsync(IWriteScope scope, ImageRecord image);

    /// <summary>Awaiting upload → processing, with the stored original; false when it was not awaiting its upload.</summary>
    Task<bool> MarkUploadedAsync(IWriteScope scope, string imageId, string originalKey, string uploadEventId);

    /// <summary>Processing (or failed) → ready or rejected, with its renditions; false when it was in neither state.</summary>
    Task<bool> CompleteAsync(IWriteScope scope, ImageCompletion completion);

    /// <summary>The photo whose ImageUploaded was dead-lettered → failed, if it was still processing; null otherwise.</summary>
    Task<ImageRecord?> MarkFailedAsync(IWriteScope scope, string uploadEventId, string problemsJson);

    /// <summary>Deletes the photo and its renditions' rows; returns the blobs it had, for the caller to delete after commit.</summary>
    Task<IReadOnlyList<string>> DeleteAsync(IWriteScope scope, string imageId);

    /// <summary>Deletes every photo of the item; returns their blobs.</summary>
    Task<IReadOnlyList<string>> DeleteForItemAsync(IWriteScope scope, string itemId);

    /// <summary>Gives the item's photos the positions of <paramref name="imageIds"/> (all of them, in the new order).</summary>
    Task ReorderAsync(IWriteScope scope, string itemId, IReadOnlyList<string> imageIds);

    /// <summary>Originals of photos processed before <paramref name="processedBefore"/> (Unix ms), oldest first.</summary>
    Task<IReadOnlyList<ImageBlob>> OriginalsDueAsync(DbConnection connection, long processedBefore, int limit);

    /// <summary>Forgets the originals of these photos (their blobs are gone).</summary>
    Task ForgetOriginalsAsync(IWriteScope scope, IReadOnlyCollection<string> imageIds);

    /// <summary>
    /// Photos past their life: those of items that ended (picked up, expired, withdrawn, auction ended) before
    /// <paramref name="endedBefore"/>, and tickets issued before <paramref name="issuedBefore"/> whose upload never came.
    /// Each with every blob it has.
    /// </summary>
    Task<IReadOnlyList<ImageBlobs>> ExpiredAsync(DbConnection connection, long endedBefore, long issuedBefore, int limit);

    /// <summary>Deletes these photos and their renditions' rows.</summary>
    Task DeleteManyAsync(IWriteScope scope, IReadOnlyCollection<string> imageIds);

    /// <summary>Which of these photo ids still exist.</summary>
    Task<IReadOnlySet<string>> ExistingAsync(DbConnection connection, IReadOnlyCollection<string> imageIds);
}
