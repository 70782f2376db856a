using EcoBid.Events.Sqlite;
using EcoBid.Server.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EcoBid.Server.Health;

public static class HealthApi
{
    /// <summary>The embedded database's readiness check; PostgreSQL's (<c>postgres</c>) comes with its adapter.</summary>
    public static IServiceCollection AddEcoBidHealthChecks(this IServiceCollection services, StorageBackend storage)
    {
        if (storage is StorageBackend.Sqlite)
        {
            services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        }

        return services;
    }

    /// <summary><c>/health</c>: the process answers. <c>/health/ready</c>: and its database does too.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health", new() { Predicate = _ => false });
        routes.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
        return routes;
    }
}

public sealed class DatabaseHealthCheck(SqliteDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await database.PingAsync(cancellationToken)
                ? HealthCheckResult.Healthy("The database answers.")
                : HealthCheckResult.Unhealthy("The database has no schema.");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A timeout inside the store (a cancellation that is not the caller's) is an unhealthy answer too.
            return HealthCheckResult.Unhealthy("The database does not answer.", ex);
        }
    }
}
