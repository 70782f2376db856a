using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EcoBid.Events.RabbitMq;

/// <summary>Readiness: the broker's connection is open (or opens now). Unhealthy, naming the reason, when it is not.</summary>
public sealed class RabbitMqHealthCheck(RabbitMqConnection connection) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var open = await connection.ConnectAsync(cancellationToken);
            return open.IsOpen
                ? HealthCheckResult.Healthy("RabbitMQ is connected.")
                : HealthCheckResult.Unhealthy($"RabbitMQ's connection is closed ({open.CloseReason?.ReplyText ?? "recovering"}).");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy(ex.Message, ex);
        }
    }
}
