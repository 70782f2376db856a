using System.Buffers;

namespace EcoBid.Server.Blobs;

/// <summary>
/// Blobs as files under one folder (by default <c>blobs/</c> in the data directory), a key's segments as its path. A
/// put writes to a temporary file in <c>.incoming/</c>, flushes it to disk and renames it into place, so a crash at
/// any moment leaves either the old file or the whole new one, never a part; a temporary file left by a crash is
/// invisible to reads and listings and is removed when the next process starts.
/// </summary>
public sealed class LocalFolderBlobStore : IBlobStore
{
    private const string Incoming = ".incoming";
    private const int BufferSize = 81920;

    // A temporary file younger than this may belong to a put running in another process on the same folder.
    private static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    private readonly string _root;
    private readonly string _incoming;

    public LocalFolderBlobStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _root = Path.GetFullPath(root);
        _incoming = Path.Combine(_root, Incoming);
        Directory.CreateDirectory(_incoming);
        RemoveStaleIncoming();
    }

    public string Root => _root;

    public async Task PutAsync(string key, Stream content, long length, string contentType, CancellationToken cancellationToken)
    {
        BlobKeys.Require(key);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var target = PathOf(key);
        var temporary = Path.Combine(_incoming, Guid.NewGuid().ToString("N") + ".part");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                await CopyExactlyAsync(content, file, length, cancellationToken);
                file.Flush(flushToDisk: true);
            }

            MoveIntoPlace(temporary, target);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    public Task<BlobContent?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        BlobKeys.Require(key);
        try
        {
            var file = new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult<BlobContent?>(new BlobContent(file, file.Length));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<BlobContent?>(null);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        BlobKeys.Require(key);
        var path = PathOf(key);
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            return Task.CompletedTask;
        }

        RemoveEmptyFolders(Path.GetDirectoryName(path)!);
        return Task.CompletedTask;
    }

    public IAsyncEnumerable<BlobInfo> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        if (!BlobKeys.IsValidPrefix(prefix))
        {
            throw new ArgumentException($"'{prefix}' is not a valid blob key prefix.", nameof(prefix));
        }

        // The deepest folder the prefix names in full; every matching blob lies under it.
        var slash = prefix.LastIndexOf('/');
        var folder = slash < 0 ? _root : PathOf(prefix[..slash]);
        var found = new List<BlobInfo>();
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                var key = Path.GetRelativePath(_root, file).Replace(Path.DirectorySeparatorChar, '/');
                if (key.StartsWith(prefix, StringComparison.Ordinal) && !key.StartsWith(Incoming + "/", StringComparison.Ordinal) && BlobKeys.IsValid(key))
                {
                    var info = new FileInfo(file);
                    found.Add(new BlobInfo(key, info.Length, info.LastWriteTimeUtc));
                }
            }
        }

        found.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return found.ToAsyncEnumerable();
    }

    /// <summary>Renames into place; once more if a delete removed the emptied folder between its creation and the rename.</summary>
    private static void MoveIntoPlace(string temporary, string target)
    {
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        try
        {
            File.Move(temporary, target, overwrite: true);
        }
        catch (DirectoryNotFoundException)
        {
            Directory.CreateDirectory(folder);
            File.Move(temporary, target, overwrite: true);
        }
    }

    private string PathOf(string key) => Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar));

    private static async Task CopyExactlyAsync(Stream source, Stream destination, long length, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long copied = 0;
            while (true)
            {
                // One byte more than is still due, so a stream holding more than it should is noticed.
                var wanted = (int)Math.Min(buffer.Length, length - copied + 1);
                var read = await source.ReadAsync(buffer.AsMemory(0, wanted), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                copied += read;
                if (copied > length)
                {
                    throw new BlobLengthException($"The content holds more than the {length} bytes it was said to.");
                }

                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            if (copied != length)
            {
                throw new BlobLengthException($"The content ended after {copied} of {length} bytes.");
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void RemoveEmptyFolders(string folder)
    {
        while (folder.Length > _root.Length && folder.StartsWith(_root, StringComparison.Ordinal))
        {
            try
            {
                if (Directory.EnumerateFileSystemEntries(folder).Any())
                {
                    return;
                }

                Directory.Delete(folder);
            }
            catch (IOException)
            {
                return; // a put filled it meanwhile, or another delete removed it
            }

            folder = Path.GetDirectoryName(folder)!;
        }
    }

    private void RemoveStaleIncoming()
    {
        foreach (var file in Directory.EnumerateFiles(_incoming, "*.part"))
        {
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(file) > StaleAfter)
            {
                TryDelete(file);
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
