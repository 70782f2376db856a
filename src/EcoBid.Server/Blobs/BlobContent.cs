namespace EcoBid.Server.Blobs;

/// <summary>An open blob: its bytes as a stream, and how many there are.</summary>
public sealed class BlobContent(Stream content, long length) : IAsyncDisposable, IDisposable
{
    public Stream Content { get; } = content;

    public long Length { get; } = length;

    public ValueTask DisposeAsync() => Content.DisposeAsync();

    public void Dispose() => Content.Dispose();
}
