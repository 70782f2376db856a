using EcoBid.Server.Blobs;

namespace EcoBid.Server.Images;

/// <summary>
/// Deletes blobs whose rows are already gone. A failure is logged and left: the daily cleanup removes blobs that
/// belong to no photo, so nothing stays for good.
/// </summary>
public static partial class BlobDeletion
{
    public static async Task DeleteQuietlyAsync(IBlobStore blobs, IEnumerable<string> keys, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            try
            {
                await blobs.DeleteAsync(key, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LogNotDeleted(logger, key, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Blob {Key} could not be deleted now; the daily cleanup removes it")]
    private static partial void LogNotDeleted(ILogger logger, string key, Exception exception);
}
