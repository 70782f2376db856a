namespace EcoBid.Server.Blobs;

/// <summary>
/// Where photos live: named blobs, as an S3-compatible object store holds them. Keys are paths of segments made of
/// letters, digits, <c>.</c>, <c>_</c> and <c>-</c> (see <see cref="BlobKeys"/>). The local-folder adapter keeps them
/// under the data directory; a shared store (S3, say) fits the same four calls.
/// </summary>
public interface IBlobStore
{
    /// <summary>
    /// Stores exactly <paramref name="length"/> bytes read from <paramref name="content"/> under <paramref name="key"/>,
    /// replacing any blob of that name. Readers see the old blob or the whole new one, never part of it. A stream that
    /// ends early, or holds more, stores nothing and throws <see cref="BlobLengthException"/>.
    /// </summary>
    Task PutAsync(string key, Stream content, long length, string contentType, CancellationToken cancellationToken);

    /// <summary>The blob for reading, or null when there is none. The caller disposes it.</summary>
    Task<BlobContent?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the blob; removing one that is not there is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Every blob whose key starts with <paramref name="prefix"/>, in key order.</summary>
    IAsyncEnumerable<BlobInfo> ListAsync(string prefix, CancellationToken cancellationToken);
}
