namespace EcoBid.Server.Backups;

/// <summary>
/// <c>manifest.json</c> of a backup folder: what was copied, with sizes and SHA-256 checksums, from which data folder,
/// by which EcoBid, at which schema versions. <see cref="SnapshotAt"/> is the backup's point: every write committed
/// before it is in the copy (the copy is one consistent read transaction that began after it).
/// </summary>
public sealed record BackupManifest(
    int Format,
    string EcoBidVersion,
    string SqliteVersion,
    DateTimeOffset SnapshotAt,
    DateTimeOffset CreatedAt,
    string Source,
    BackupFile Database,
    IReadOnlyList<SchemaVersion> SchemaVersions,
    IReadOnlyList<BackupFile> Files)
{
    public const int CurrentFormat = 1;
    public const string FileName = "manifest.json";
    public const string DatabaseFile = "ecobid.db";
    public const string FilesFolder = "files";
}

/// <summary>A copied file: its path relative to the backup folder (database) or to the data folder (files), size and SHA-256 (hex).</summary>
public sealed record BackupFile(string Path, long Size, string Sha256);

/// <summary>A schema step the database had when it was copied.</summary>
public sealed record SchemaVersion(string Component, int Version);
