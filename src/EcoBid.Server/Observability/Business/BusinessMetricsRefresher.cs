using EcoBid.Events.Storage;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Observability.Business;

/// <summary>Recomputes the last hour's business figures every <c>Metrics:Business:RefreshInterval</c> (a minute), on a reader beside the writer.</summary>
public sealed partial class BusinessMetricsRefresher(
    IEventDatabase database,
    BusinessMetrics metrics,
    TimeProvider clock,
    IOptions<BusinessMetricsOptions> options,
    ILogger<BusinessMetricsRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = clock.GetUtcNow();
                var from = now - BusinessMetricsQuery.Hour;
                var series = await database.ReadAsync(connection => BusinessMetricsQuery.ReadAsync(connection, from, now, BusinessMetricsQuery.Hour, stoppingToken), stoppingToken);
                metrics.LastHour = series.Hours.Count > 0 ? series.Hours[0] : null;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Before the schema exists (the first start) or while the file is busy: the next tick tries again.
                LogFailed(logger, ex);
            }

            try
            {
                await Task.Delay(options.Value.RefreshInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the business metrics; retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
