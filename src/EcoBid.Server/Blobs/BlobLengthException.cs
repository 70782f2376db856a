namespace EcoBid.Server.Blobs;

/// <summary>A put's stream did not hold the number of bytes it was said to; nothing was stored.</summary>
public sealed class BlobLengthException : IOException
{
    public BlobLengthException()
    {
    }

    public BlobLengthException(string message)
        : base(message)
    {
    }

    public BlobLengthException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
