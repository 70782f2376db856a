using Microsoft.Data.Sqlite;

namespace EcoBid.Server.Backups;

/// <summary>
/// Checks a backup folder against its manifest: every file there with its size and SHA-256, and SQLite's
/// <c>PRAGMA integrity_check</c> on the database copy (opened read-only, so checking changes nothing).
/// </summary>
public static class BackupVerifier
{
    /// <returns>The manifest and every problem found (none: the backup is sound).</returns>
    public static async Task<(BackupManifest Manifest, IReadOnlyList<string> Problems)> VerifyAsync(string folder, CancellationToken cancellationToken)
    {
        var manifest = await BackupWriter.ReadManifestAsync(folder, cancellationToken);
        var problems = new List<string>();
        if (manifest.Format != BackupManifest.CurrentFormat)
        {
            problems.Add($"manifest format {manifest.Format} is not one this EcoBid reads ({BackupManifest.CurrentFormat})");
            return (manifest, problems);
        }

        await CheckAsync(folder, manifest.Database, Path.Combine(folder, BackupManifest.DatabaseFile), problems, cancellationToken);
        foreach (var file in manifest.Files)
        {
            if (!IsInside(file.Path))
            {
                problems.Add($"{file.Path}: a path outside the backup");
                continue;
            }

            await CheckAsync(folder, file, Path.Combine(folder, BackupManifest.FilesFolder, BackupWriter.FromManifestPath(file.Path)), problems, cancellationToken);
        }

        if (problems.Count == 0)
        {
            problems.AddRange(await IntegrityAsync(Path.Combine(folder, BackupManifest.DatabaseFile), cancellationToken));
        }

        return (manifest, problems);
    }

    /// <summary>A manifest path must stay inside the folder it names a file of.</summary>
    public static bool IsInside(string manifestPath) =>
        !string.IsNullOrEmpty(manifestPath)
        && !Path.IsPathRooted(manifestPath)
        && !manifestPath.Split('/').Any(part => part is ".." or "." or "");

    private static async Task CheckAsync(string folder, BackupFile expected, string path, List<string> problems, CancellationToken cancellationToken)
    {
        var name = Path.GetRelativePath(folder, path);
        if (!File.Exists(path))
        {
            problems.Add($"{name}: missing");
            return;
        }

        var (size, sha) = await BackupFiles.HashAsync(path, cancellationToken);
        if (size != expected.Size)
        {
            problems.Add($"{name}: {size} bytes, the manifest says {expected.Size}");
        }
        else if (!string.Equals(sha, expected.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{name}: its SHA-256 is not the manifest's (the file changed or is damaged)");
        }
    }

    private static async Task<IReadOnlyList<string>> IntegrityAsync(string database, CancellationToken cancellationToken)
    {
        try
        {
            return await IntegrityCheckAsync(database, cancellationToken);
        }
        catch (SqliteException ex)
        {
            // Damage bad enough that SQLite cannot even run the check (SQLITE_CORRUPT, SQLITE_NOTADB).
            return [$"{BackupManifest.DatabaseFile}: {ex.Message}"];
        }
    }

    private static async Task<IReadOnlyList<string>> IntegrityCheckAsync(string database, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var results = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            results.Add(reader.GetString(0));
        }

        return results is ["ok"] ? [] : [.. results.Select(r => $"{BackupManifest.DatabaseFile}: integrity check: {r}")];
    }
}
