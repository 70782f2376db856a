namespace EcoBid.Server.Blobs.S3;

/// <summary>
/// With <c>Images:BlobStore: s3</c>, reaches the bucket (creating it when missing) before anything serves or processes
/// photos, so a wrong endpoint or key stops the process at once with a message naming the store.
/// </summary>
public sealed class BlobStoreStartupCheck(S3BlobStore store) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.EnsureBucketAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new InvalidOperationException($"Images:BlobStore 's3': bucket '{store.Bucket}' cannot be reached: {ex.Message}", ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
