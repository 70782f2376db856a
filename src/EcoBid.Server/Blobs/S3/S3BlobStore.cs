using System.Net;
using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace EcoBid.Server.Blobs.S3;

/// <summary>
/// Blobs in an S3-compatible bucket, so that every api and worker process of a scaled-out EcoBid reads and writes the
/// same photos. S3 makes a put atomic (a reader sees the old object or the whole new one); the body streams from the
/// caller without being held in memory, and one that proves shorter or longer than declared aborts the request, so
/// nothing is stored.
/// </summary>
public sealed class S3BlobStore : IBlobStore, IDisposable
{
    private readonly AmazonS3Client _s3;
    private readonly string _bucket;

    public S3BlobStore(S3BlobStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Bucket))
        {
            throw new InvalidOperationException("Images:BlobStore is s3 but Images:S3:Bucket is not set.");
        }

        var config = new AmazonS3Config
        {
            // Checksums only where S3 requires them: S3-compatible servers differ in the trailing-checksum encodings they take.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            AuthenticationRegion = options.Region,
        };
        if (options.ServiceUrl is { } url)
        {
            config.ServiceURL = url.ToString();
            config.ForcePathStyle = options.ForcePathStyle ?? true;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
            config.ForcePathStyle = options.ForcePathStyle ?? false;
        }

        _s3 = options.AccessKeyId is { Length: > 0 } key
            ? new AmazonS3Client(new BasicAWSCredentials(key, options.SecretAccessKey), config)
            : new AmazonS3Client(config);
        _bucket = options.Bucket;
    }

    public string Bucket => _bucket;

    /// <summary>Creates the bucket when it is not there; throws with the endpoint's answer when the store cannot be reached.</summary>
    public async Task EnsureBucketAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _s3.PutBucketAsync(new PutBucketRequest { BucketName = _bucket }, cancellationToken);
        }
        catch (AmazonS3Exception ex) when (ex.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
            // Another process created it first, or it was made by hand: either way it is there.
        }
    }

    public async Task PutAsync(string key, Stream content, long length, string contentType, CancellationToken cancellationToken)
    {
        BlobKeys.Require(key);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        await using var body = new ExactLengthStream(content, length);
        var request = new PutObjectRequest
        {
            BucketName = _bucket,
            Key = key,
            InputStream = body,
            ContentType = contentType,
            AutoCloseStream = false,
            UseChunkEncoding = false,
        };
        request.Headers.ContentLength = length;
        try
        {
            await _s3.PutObjectAsync(request, cancellationToken);
        }
        catch (Exception ex) when (FindLengthError(ex) is { } lengthError)
        {
            throw lengthError;
        }
    }

    public async Task<BlobContent?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        BlobKeys.Require(key);
        try
        {
            var response = await _s3.GetObjectAsync(_bucket, key, cancellationToken);
            return new BlobContent(new ResponseStream(response), response.ContentLength);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        BlobKeys.Require(key);
        await _s3.DeleteObjectAsync(_bucket, key, cancellationToken);
    }

    public async IAsyncEnumerable<BlobInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!BlobKeys.IsValidPrefix(prefix))
        {
            throw new ArgumentException($"'{prefix}' is not a blob key prefix.", nameof(prefix));
        }

        // S3 lists keys in UTF-8 byte order, which for the keys BlobKeys allows (ASCII) is ordinal order.
        var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = prefix };
        do
        {
            var page = await _s3.ListObjectsV2Async(request, cancellationToken);
            foreach (var item in page.S3Objects ?? [])
            {
                yield return new BlobInfo(item.Key, item.Size ?? 0, item.LastModified is { } modified ? new DateTimeOffset(modified.ToUniversalTime()) : DateTimeOffset.MinValue);
            }

            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);
    }

    public void Dispose() => _s3.Dispose();

    private static BlobLengthException? FindLengthError(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is BlobLengthException found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The object's body; disposing it releases the HTTP response too.</summary>
    private sealed class ResponseStream(GetObjectResponse response) : Stream
    {
        private readonly Stream _body = response.ResponseStream;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => response.ContentLength;

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => _body.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _body.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _body.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _body.Dispose();
                response.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
