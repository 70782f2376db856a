namespace EcoBid.Server.Http;

/// <summary>
/// The request body, counted as it is read: past <c>limit</c> bytes the read fails with a 413, whatever the framing.
/// Kestrel's own limit counts a chunked body with its chunk headers, so it refused bodies some 150 bytes under the limit.
/// The endpoint's body reader turns the failed read into a bare 413, so <see cref="Refusal"/> keeps what to say in it.
/// </summary>
public sealed class LimitedRequestStream(Stream inner, long limit) : Stream
{
    private long _read;

    /// <summary>What the 413 says, once the body went past the limit; null before.</summary>
    public string? Refusal { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Count(await inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int read)
    {
        _read += read;
        if (_read > limit)
        {
            Refusal = $"The body has more than {limit} bytes; the limit is {limit}.";
            throw new BadHttpRequestException(Refusal, StatusCodes.Status413PayloadTooLarge);
        }

        return read;
    }
}
