namespace EcoBid.Server.Blobs;

/// <summary>A stored blob, as a listing reports it.</summary>
public sealed record BlobInfo(string Key, long Length, DateTimeOffset LastModified);
