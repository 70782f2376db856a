using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;

namespace EcoBid.Server.Proxy;

/// <summary>
/// One URL in front of several api processes (<c>ecobid proxy</c>): every request and WebSocket goes to one of them,
/// the less busy of two picked at random. Each api process is asked <c>/health/ready</c> every few seconds; one that
/// fails is left out until it answers again, and a request that finds its process gone is not retried (a POST may
/// have been done), so the client sees a 502 and tries again. Sessions need no affinity: every api process reads the
/// same database, and live pushes reach a user's connection on any process through the broker's fan-out.
/// </summary>
public static class FrontProxy
{
    public const string ClusterId = "api";

    public static WebApplication Build(string listen, IReadOnlyList<Uri> destinations, TimeSpan healthInterval)
    {
        ArgumentNullException.ThrowIfNull(destinations);
        if (destinations.Count == 0)
        {
            throw new ArgumentException("The proxy needs at least one api process to send requests to.", nameof(destinations));
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls(listen);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddReverseProxy().LoadFromMemory(Routes, Clusters(destinations, healthInterval));
        var app = builder.Build();
        app.MapReverseProxy();
        return app;
    }

    private static IReadOnlyList<RouteConfig> Routes { get; } =
    [
        new RouteConfig { RouteId = "everything", ClusterId = ClusterId, Match = new RouteMatch { Path = "{**path}" } },
    ];

    private static IReadOnlyList<ClusterConfig> Clusters(IReadOnlyList<Uri> destinations, TimeSpan healthInterval) =>
    [
        new ClusterConfig
        {
            ClusterId = ClusterId,
            LoadBalancingPolicy = "PowerOfTwoChoices",
            Destinations = destinations.Select((uri, i) => (Key: $"api{i + 1}", Value: new DestinationConfig { Address = uri.ToString() }))
                .ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal),
            HealthCheck = new HealthCheckConfig
            {
                Active = new ActiveHealthCheckConfig
                {
                    Enabled = true,
                    Interval = healthInterval,
                    Timeout = TimeSpan.FromSeconds(2),
                    Path = "/health/ready",
                    Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
                },
                Passive = new PassiveHealthCheckConfig
                {
                    Enabled = true,
                    Policy = HealthCheckConstants.PassivePolicy.TransportFailureRate,
                    ReactivationPeriod = healthInterval,
                },
            },
        },
    ];
}
