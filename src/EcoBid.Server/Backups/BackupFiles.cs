using System.Security.Cryptography;

namespace EcoBid.Server.Backups;

/// <summary>Which files of a data folder a backup takes, and copying with a checksum in one pass.</summary>
public static class BackupFiles
{
    /// <summary>The lock a running server holds on its data folder (see <see cref="DataFolderLock"/>).</summary>
    public const string LockFile = "ecobid.lock";

    private static readonly string[] DatabaseNames = ["ecobid.db", "ecobid.db-wal", "ecobid.db-shm", "ecobid.db-journal", LockFile];

    /// <summary>
    /// Every file under <paramref name="dataDir"/> except the database (copied through SQLite, not as a file), the lock,
    /// temporary files (<c>*.tmp</c>, <c>*.partial</c>, <c>~*</c>, dot files, <c>tmp</c>/<c>temp</c> folders) and
    /// <paramref name="exclude"/> (a backup folder inside the data folder), as paths relative to the data folder.
    /// </summary>
    public static IReadOnlyList<string> Select(string dataDir, string? exclude)
    {
        var root = Path.GetFullPath(dataDir);
        if (!Directory.Exists(root))
        {
            return [];
        }

        var excluded = exclude is null ? null : Path.GetFullPath(exclude).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return [.. Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Where(file => excluded is null || !file.StartsWith(excluded, StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(root, file))
            .Where(relative => !IsSkipped(relative))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="destination"/>, hashing what it writes; returns size and SHA-256.</summary>
    public static async Task<(long Size, string Sha256)> CopyAsync(string source, string destination, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        await using (var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, buffer.Length, useAsync: true))
        await using (var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None, buffer.Length, useAsync: true))
        {
            int read;
            while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                size += read;
            }

            await output.FlushAsync(cancellationToken);
            output.Flush(flushToDisk: true);
        }

        return (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    public static async Task<(long Size, string Sha256)> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        var sha = await SHA256.HashDataAsync(input, cancellationToken);
        return (input.Length, Convert.ToHexStringLower(sha));
    }

    private static bool IsSkipped(string relative)
    {
        var parts = relative.Split(Path.DirectorySeparatorChar);
        if (parts.Length == 1 && DatabaseNames.Contains(parts[0], StringComparer.Ordinal))
        {
            return true;
        }

        var name = parts[^1];
        return parts.Any(p => p.StartsWith('.') || p.Equals("tmp", StringComparison.OrdinalIgnoreCase) || p.Equals("temp", StringComparison.OrdinalIgnoreCase))
            || name.StartsWith('~')
            || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".partial", StringComparison.OrdinalIgnoreCase);
    }
}
