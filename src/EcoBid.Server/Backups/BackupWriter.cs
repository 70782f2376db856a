using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace EcoBid.Server.Backups;

/// <summary>
/// Takes a backup of a data folder while the server runs: the database through SQLite's online backup API (one read
/// transaction, so the copy is consistent and writers are not held up), then the other files with their checksums,
/// then the manifest. The backup is written under a <c>.partial</c> name and renamed when complete, so a folder
/// without that suffix is always a whole backup.
/// </summary>
public static class BackupWriter
{
    public const string PartialSuffix = ".partial";
    private const string NamePrefix = "ecobid-";

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Writes a new backup of <paramref name="dataDir"/> (database <paramref name="databasePath"/>) into a new folder under <paramref name="directory"/>.</summary>
    /// <returns>The backup folder and its manifest.</returns>
    public static async Task<(string Folder, BackupManifest Manifest)> CreateAsync(
        string dataDir, string databasePath, string directory, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (!File.Exists(databasePath))
        {
            throw new BackupException($"There is no database at {databasePath} to back up.");
        }

        Directory.CreateDirectory(directory);
        var name = UniqueName(directory, clock.GetUtcNow());
        var partial = Path.Combine(directory, name + PartialSuffix);
        Directory.CreateDirectory(partial);
        try
        {
            var (snapshotAt, schema) = await CopyDatabaseAsync(databasePath, Path.Combine(partial, BackupManifest.DatabaseFile), clock, cancellationToken);
            var database = await BackupFiles.HashAsync(Path.Combine(partial, BackupManifest.DatabaseFile), cancellationToken);
            var files = new List<BackupFile>();
            foreach (var relative in BackupFiles.Select(dataDir, directory))
            {
                var source = Path.Combine(dataDir, relative);
                try
                {
                    var (size, sha) = await BackupFiles.CopyAsync(source, Path.Combine(partial, BackupManifest.FilesFolder, relative), cancellationToken);
                    files.Add(new BackupFile(ToManifestPath(relative), size, sha));
                }
                catch (FileNotFoundException)
                {
                    // Deleted since it was listed (a temporary file, a blob removed after the database copy): nothing to keep.
                }
            }

            var manifest = new BackupManifest(
                BackupManifest.CurrentFormat,
                Observability.EcoBidTelemetry.Version,
                SqliteVersion(),
                snapshotAt,
                clock.GetUtcNow(),
                Path.GetFullPath(dataDir),
                new BackupFile(BackupManifest.DatabaseFile, database.Size, database.Sha256),
                schema,
                files);
            await File.WriteAllTextAsync(Path.Combine(partial, BackupManifest.FileName), JsonSerializer.Serialize(manifest, Json), cancellationToken);
            var folder = Path.Combine(directory, name);
            Directory.Move(partial, folder);
            return (folder, manifest);
        }
        catch
        {
            TryDelete(partial);
            throw;
        }
    }

    /// <summary>Deletes all but the newest <paramref name="keep"/> complete backups in <paramref name="directory"/>, and leftovers of interrupted ones.</summary>
    public static IReadOnlyList<string> Prune(string directory, int keep)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var deleted = new List<string>();
        var complete = Directory.GetDirectories(directory, NamePrefix + "*")
            .Where(d => !d.EndsWith(PartialSuffix, StringComparison.Ordinal) && File.Exists(Path.Combine(d, BackupManifest.FileName)))
            .OrderByDescending(d => Path.GetFileName(d), StringComparer.Ordinal)
            .ToList();
        foreach (var old in complete.Skip(Math.Max(1, keep)))
        {
            TryDelete(old);
            deleted.Add(old);
        }

        return deleted;
    }

    /// <summary>The complete backups in <paramref name="directory"/>, newest first.</summary>
    public static IReadOnlyList<string> List(string directory) => Directory.Exists(directory)
        ? [.. Directory.GetDirectories(directory, NamePrefix + "*")
            .Where(d => !d.EndsWith(PartialSuffix, StringComparison.Ordinal) && File.Exists(Path.Combine(d, BackupManifest.FileName)))
            .OrderByDescending(d => Path.GetFileName(d), StringComparer.Ordinal)]
        : [];

    public static async Task<BackupManifest> ReadManifestAsync(string folder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, BackupManifest.FileName);
        if (!File.Exists(path))
        {
            throw new BackupException($"{folder} is not a backup: it has no {BackupManifest.FileName}.");
        }

        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<BackupManifest>(stream, Json, cancellationToken)
                ?? throw new BackupException($"{path} is empty.");
        }
        catch (JsonException ex)
        {
            throw new BackupException($"{path} is not a readable manifest: {ex.Message}", ex);
        }
    }

    /// <summary>Manifest paths use '/' whatever the platform, so a backup moves between machines.</summary>
    public static string ToManifestPath(string relative) => relative.Replace(Path.DirectorySeparatorChar, '/');

    public static string FromManifestPath(string path) => path.Replace('/', Path.DirectorySeparatorChar);

    private static async Task<(DateTimeOffset SnapshotAt, IReadOnlyList<SchemaVersion> Schema)> CopyDatabaseAsync(
        string databasePath, string destination, TimeProvider clock, CancellationToken cancellationToken)
    {
        // No pooling: the copy must be closed (and its file released) when this returns, to be hashed and renamed.
        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false, DefaultTimeout = 30 }.ToString());
        await source.OpenAsync(cancellationToken);
        await using (var busy = source.CreateCommand())
        {
            busy.CommandText = "PRAGMA busy_timeout = 30000";
            await busy.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destination, Pooling = false }.ToString());
        await copy.OpenAsync(cancellationToken);

        // Everything committed before this instant is in the copy: the backup's read transaction starts after it.
        var snapshotAt = clock.GetUtcNow();
        source.BackupDatabase(copy);

        // A copy in rollback-journal mode is one self-contained file; the server turns WAL back on when it opens it.
        await using (var journal = copy.CreateCommand())
        {
            journal.CommandText = "PRAGMA journal_mode = DELETE";
            await journal.ExecuteNonQueryAsync(cancellationToken);
        }

        var schema = new List<SchemaVersion>();
        await using (var versions = copy.CreateCommand())
        {
            versions.CommandText = "SELECT component, version FROM schema_versions ORDER BY component, version";
            await using var reader = await versions.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                schema.Add(new SchemaVersion(reader.GetString(0), reader.GetInt32(1)));
            }
        }

        return (snapshotAt, schema);
    }

    private static string SqliteVersion()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "unknown";
    }

    private static string UniqueName(string directory, DateTimeOffset now)
    {
        var stamp = NamePrefix + now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var name = stamp;
        for (var n = 2; Directory.Exists(Path.Combine(directory, name)) || Directory.Exists(Path.Combine(directory, name + PartialSuffix)); n++)
        {
            name = $"{stamp}-{n}";
        }

        return name;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
