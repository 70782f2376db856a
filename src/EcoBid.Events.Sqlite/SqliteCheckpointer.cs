using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EcoBid.Events.Sqlite;

/// <summary>
/// Checkpoints the WAL every <see cref="SqliteOptions.CheckpointIntervalMilliseconds"/> beside the writer, so that
/// commits seldom reach <see cref="SqliteOptions.WalAutoCheckpointPages"/> and checkpoint inside a write, where the
/// fsyncs and page copies of a checkpoint would hold up every other write (the tail of the event pipeline's latency).
/// </summary>
public sealed partial class SqliteCheckpointer(SqliteDatabase database, IOptions<SqliteOptions> options, TimeProvider clock, ILogger<SqliteCheckpointer> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(options.Value.CheckpointIntervalMilliseconds);
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
                await database.CheckpointAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogCheckpointFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A background WAL checkpoint failed; the next one tries again")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);
}
