namespace EcoBid.Server.Blobs.S3;

/// <summary>
/// Configuration section <c>Images:S3</c>, used when <c>Images:BlobStore</c> is <c>s3</c>: an S3-compatible bucket that
/// every EcoBid process shares (AWS S3, MinIO, Ceph, moto, …).
/// </summary>
public sealed class S3BlobStoreOptions
{
    public const string Section = "Images:S3";

    /// <summary>The bucket; created at start when it does not exist.</summary>
    public string Bucket { get; set; } = string.Empty;

    /// <summary>An S3-compatible endpoint (<c>http://minio:9000</c>); unset means AWS S3 in <see cref="Region"/>.</summary>
    public Uri? ServiceUrl { get; set; }

    public string Region { get; set; } = "us-east-1";

    /// <summary>Keys; unset means the AWS SDK's default chain (environment, profile, instance role).</summary>
    public string? AccessKeyId { get; set; }

    public string? SecretAccessKey { get; set; }

    /// <summary>Path-style URLs (<c>host/bucket/key</c>), which most S3-compatible servers need; default: on with a <see cref="ServiceUrl"/>.</summary>
    public bool? ForcePathStyle { get; set; }
}
