using EcoBid.Events;
using EcoBid.Server.Hosting;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Backups;

/// <summary>
/// Takes the backups requested in <c>backup_runs</c>, one at a time, outside any write transaction (a backup reads
/// beside the writer and never holds it up), then keeps the newest <see cref="BackupOptions.Keep"/>. Runs where the
/// workers run; a run a restart interrupted is taken again.
/// </summary>
public sealed partial class BackupRunner(
    BackupRunStore runs,
    IConfiguration configuration,
    IOptions<BackupOptions> options,
    IOptions<RuntimeOptions> runtime,
    TimeProvider clock,
    ILogger<BackupRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await runs.ResumeInterruptedAsync(stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogFailed(logger, "(resume)", ex);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                runs.Requested.Reset();
                if (await runs.StartNextAsync(stoppingToken) is { } run)
                {
                    await RunAsync(run, stoppingToken);
                    continue;
                }

                await runs.Requested.WaitAsync(runtime.Value.IdleRecheck, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(logger, "(loop)", ex);
                await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken);
            }
        }
    }

    private async Task RunAsync(BackupRun run, CancellationToken stoppingToken)
    {
        var directory = BackupOptions.DirectoryFor(configuration);
        try
        {
            var (folder, manifest) = await BackupWriter.CreateAsync(
                EcoBidPaths.DataDir(configuration), EcoBidPaths.DatabasePath(configuration), directory, clock, stoppingToken);
            var pruned = BackupWriter.Prune(directory, options.Value.Keep);
            await runs.FinishAsync(run.Id, folder, manifest.Database.Size + manifest.Files.Sum(f => f.Size), null, stoppingToken);
            LogCompleted(logger, run.Id, folder, pruned.Count);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogFailed(logger, run.Id, ex);
            await runs.FinishAsync(run.Id, null, null, $"{ex.GetType().Name}: {ex.Message}", stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backup {Run} written to {Folder}; {Pruned} old backups removed")]
    private static partial void LogCompleted(ILogger logger, string run, string folder, int pruned);

    [LoggerMessage(Level = LogLevel.Error, Message = "Backup {Run} failed")]
    private static partial void LogFailed(ILogger logger, string run, Exception exception);
}
