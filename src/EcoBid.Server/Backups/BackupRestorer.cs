namespace EcoBid.Server.Backups;

/// <summary>
/// Restores a verified backup into a data folder no server is using: the database file (in place of the folder's
/// database and its WAL), and each top-level folder the backup holds files of (replaced whole, so files deleted since
/// the backup do not linger). Other files in the data folder are left alone. A folder that already holds data is
/// only overwritten with <c>force</c>.
/// </summary>
public static class BackupRestorer
{
    public static async Task<BackupManifest> RestoreAsync(string backupFolder, string dataDir, bool force, CancellationToken cancellationToken)
    {
        var (manifest, problems) = await BackupVerifier.VerifyAsync(backupFolder, cancellationToken);
        if (problems.Count > 0)
        {
            throw new BackupException($"The backup does not verify, so it is not restored: {string.Join("; ", problems)}");
        }

        Directory.CreateDirectory(dataDir);
        FileStream exclusive;
        try
        {
            exclusive = DataFolderLock.TakeExclusive(dataDir);
        }
        catch (IOException ex)
        {
            throw new BackupException($"A server is running on {dataDir} (it holds {BackupFiles.LockFile}); stop it before restoring into its folder.", ex);
        }

        await using (exclusive)
        {
            var database = Path.Combine(dataDir, BackupManifest.DatabaseFile);
            var existing = File.Exists(database) || BackupFiles.Select(dataDir, null).Count > 0;
            if (existing && !force)
            {
                throw new BackupException($"{dataDir} already holds data; restoring would overwrite it. Add --force to overwrite it.");
            }

            // The copy goes in under a temporary name and is renamed over the old file, so the folder never holds half a database.
            var incoming = database + ".restoring.tmp";
            File.Delete(incoming);
            await BackupFiles.CopyAsync(Path.Combine(backupFolder, BackupManifest.DatabaseFile), incoming, cancellationToken);
            foreach (var suffix in new[] { "-wal", "-shm", "-journal" })
            {
                File.Delete(database + suffix);
            }

            File.Move(incoming, database, overwrite: true);

            foreach (var top in manifest.Files.Select(f => f.Path.Split('/')[0]).Distinct(StringComparer.Ordinal))
            {
                var target = Path.Combine(dataDir, top);
                if (Directory.Exists(target))
                {
                    Directory.Delete(target, recursive: true);
                }
                else if (File.Exists(target))
                {
                    File.Delete(target);
                }
            }

            foreach (var file in manifest.Files)
            {
                var relative = BackupWriter.FromManifestPath(file.Path);
                var (size, sha) = await BackupFiles.CopyAsync(Path.Combine(backupFolder, BackupManifest.FilesFolder, relative), Path.Combine(dataDir, relative), cancellationToken);
                if (size != file.Size || !string.Equals(sha, file.Sha256, StringComparison.OrdinalIgnoreCase))
                {
                    throw new BackupException($"{file.Path} changed while it was being restored; restore again.");
                }
            }
        }

        return manifest;
    }
}
