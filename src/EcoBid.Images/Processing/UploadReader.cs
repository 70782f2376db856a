using System.Buffers;

namespace EcoBid.Images.Processing;

/// <summary>Reads an upload into memory, never more than one byte past the limit.</summary>
internal static class UploadReader
{
    internal sealed record Upload(byte[] Data, ImageProblem? Problem);

    internal static async Task<Upload> ReadAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        if (stream.CanSeek)
        {
            var remaining = stream.Length - stream.Position;
            if (remaining > maxBytes)
                return TooLarge(maxBytes);
            if (remaining <= 0)
                return Empty();
            var data = new byte[remaining];
            await stream.ReadExactlyAsync(data, cancellationToken);
            return new Upload(data, null);
        }

        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                    return TooLarge(maxBytes);
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.Length == 0 ? Empty() : new Upload(buffer.ToArray(), null);
    }

    private static Upload Empty() => new([], new(ImageProblemCodes.Empty, "The upload is empty."));

    private static Upload TooLarge(long maxBytes) =>
        new([], new(ImageProblemCodes.TooLarge, $"The upload is larger than {maxBytes:N0} bytes."));
}
