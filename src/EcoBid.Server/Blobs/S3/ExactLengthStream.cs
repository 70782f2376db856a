namespace EcoBid.Server.Blobs.S3;

/// <summary>
/// Reads exactly <c>length</c> bytes from a source for an upload and fails the read that would complete it when the
/// source holds fewer or more: the request body is then never finished, so the object store keeps nothing.
/// </summary>
internal sealed class ExactLengthStream(Stream source, long declared) : Stream
{
    private readonly long _length = declared;
    private long _remaining = declared;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _length - _remaining;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_remaining == 0)
        {
            return 0;
        }

        var read = source.Read(buffer[..(int)Math.Min(buffer.Length, _remaining)]);
        return Account(read, () => source.Read(new byte[1]) > 0);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_remaining == 0)
        {
            return 0;
        }

        var read = await source.ReadAsync(buffer[..(int)Math.Min(buffer.Length, _remaining)], cancellationToken);
        var more = false;
        if (read > 0 && read == _remaining)
        {
            more = await source.ReadAsync(new byte[1], cancellationToken) > 0;
        }

        return Account(read, () => more);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Account(int read, Func<bool> sourceHasMore)
    {
        if (read == 0)
        {
            throw new BlobLengthException($"The content ended after {_length - _remaining} of {_length} bytes.");
        }

        if (read == _remaining && sourceHasMore())
        {
            throw new BlobLengthException($"The content holds more than the {_length} bytes given.");
        }

        _remaining -= read;
        return read;
    }
}
