using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EcoBid.Events.Postgres;

/// <summary>Readiness: the database answers and is migrated. Unhealthy, naming the server's error, when it does not.</summary>
public sealed class PostgresHealthCheck(PostgresDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await database.PingAsync(cancellationToken)
                ? HealthCheckResult.Healthy("PostgreSQL answers.")
                : HealthCheckResult.Unhealthy("PostgreSQL answers but has no schema: it has not been migrated.");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"PostgreSQL is unreachable: {ex.Message}", ex);
        }
    }
}
