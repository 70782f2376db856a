using EcoBid.Server.Hosting;

namespace EcoBid.Server.Backups;

/// <summary>
/// Marks a data folder as in use by a running server: the server holds <c>ecobid.lock</c> open with a shared lock
/// from start to stop (any number of server processes may share a folder), and a restore asks for an exclusive lock,
/// which it gets only when no server holds the folder. The operating system drops the lock when a process dies, even
/// by kill -9, so a crash never leaves a folder locked.
/// </summary>
public sealed partial class DataFolderLock(IConfiguration configuration, ILogger<DataFolderLock> logger) : IHostedService, IDisposable
{
    private FileStream? _held;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var dataDir = EcoBidPaths.DataDir(configuration);
        Directory.CreateDirectory(dataDir);
        try
        {
            _held = TakeShared(dataDir);
        }
        catch (IOException ex)
        {
            // A restore is writing the folder right now; starting on it would read a half-copied database.
            throw new InvalidOperationException($"The data folder {dataDir} is locked by a restore in progress; start the server when it is done.", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            LogUnlockable(logger, dataDir, ex.Message);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _held?.Dispose();
        _held = null;
    }

    /// <summary>Takes the folder for a restore; throws <see cref="IOException"/> while a server holds it.</summary>
    public static FileStream TakeExclusive(string dataDir) =>
        new(Path.Combine(dataDir, BackupFiles.LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

    /// <summary>
    /// On Unix, .NET turns FileShare.None into an exclusive flock and other share modes into a shared one, which it
    /// always takes for a file opened only to read: so the file is made first, then held open to read.
    /// </summary>
    private static FileStream TakeShared(string dataDir)
    {
        var path = Path.Combine(dataDir, BackupFiles.LockFile);
        if (!File.Exists(path))
        {
            using (new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite))
            {
            }
        }

        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot hold the lock file in {DataDir} ({Error}); a restore will not see that this server uses the folder")]
    private static partial void LogUnlockable(ILogger logger, string dataDir, string error);
}
