using System.Reflection;
using EcoBid.Events.Monitoring;
using EcoBid.Server.Observability.Business;
using EcoBid.Server.Observability.Trace;
using Microsoft.AspNetCore.Authorization;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace EcoBid.Server.Observability;

/// <summary>
/// OpenTelemetry for EcoBid. Metrics: every <c>EcoBid.*</c> meter, ASP.NET Core's, HttpClient's and the runtime's, on
/// <c>/metrics</c> (Prometheus) and, with an OTLP endpoint, exported. Traces and logs: exported over OTLP only when
/// <c>OpenTelemetry:Endpoint</c> is set; otherwise no tracer listens, and the runtime's spans are never even built.
/// </summary>
public static class EcoBidTelemetry
{
    /// <summary>Every meter EcoBid's own code creates is named <c>EcoBid.*</c>.</summary>
    public const string Meters = "EcoBid.*";

    /// <summary>The running build's version, as the manifest of a backup and the <c>service.version</c> attribute name it.</summary>
    public static string Version { get; } =
        typeof(EcoBidTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(EcoBidTelemetry).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public static IServiceCollection AddEcoBidTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<TelemetryOptions>(configuration.GetSection(TelemetryOptions.Section));
        services.Configure<MetricsOptions>(configuration.GetSection(MetricsOptions.Section));
        services.Configure<BusinessMetricsOptions>(configuration.GetSection(BusinessMetricsOptions.Section));
        var telemetry = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var metrics = configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        MetricsAccess.Parse(metrics.AllowedNetworks); // a mistyped network stops the start, not the first scrape

        services.AddSingleton<IAuthorizationHandler, MetricsAccess>();
        services.AddAuthorizationBuilder().AddPolicy(MetricsAccess.Policy, policy => policy.AddRequirements(new MetricsAccess.Requirement()));
        services.AddSingleton<BusinessMetrics>();
        services.AddHostedService<BusinessMetricsRefresher>();
        services.AddSingleton<CorrelationTraceQuery>();

        var otel = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(telemetry.ServiceName, serviceVersion: Version))
            .WithMetrics(meters =>
            {
                meters.AddMeter(Meters).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation();
                if (metrics.Prometheus)
                {
                    meters.AddPrometheusExporter();
                }
            });
        if (telemetry.Endpoint is { } endpoint)
        {
            otel.WithTracing(tracing => ConfigureTracing(tracing))
                .WithLogging(_ => { }, logs =>
                {
                    logs.IncludeScopes = true;
                    logs.IncludeFormattedMessage = true;
                })
                .UseOtlpExporter(Protocol(telemetry.Protocol), endpoint);
        }

        return services;
    }

    /// <summary>
    /// What EcoBid traces: requests (ASP.NET Core, named by route, such as <c>POST /items</c>), outgoing HTTP calls, and
    /// the event runtime's spans. Tests add an in-memory exporter to the same sources.
    /// </summary>
    public static TracerProviderBuilder ConfigureTracing(TracerProviderBuilder tracing)
    {
        ArgumentNullException.ThrowIfNull(tracing);
        return tracing
            .AddSource(RuntimeTracing.SourceName)
            .AddAspNetCoreInstrumentation(options =>
            {
                options.Filter = context => !IsScrapeOrProbe(context.Request.Path);
                options.EnrichWithHttpResponse = (activity, _) => TrimRoute(activity);
            })
            .AddHttpClientInstrumentation();
    }

    /// <summary><c>/metrics</c>, guarded by <see cref="MetricsAccess"/>; served by every role, workers included.</summary>
    public static IEndpointRouteBuilder MapEcoBidMetrics(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var options = routes.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<MetricsOptions>>().Value;
        if (options.Prometheus)
        {
            routes.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(MetricsAccess.Policy);
        }

        return routes;
    }

    /// <summary>A group's root route is written <c>/items/</c>; its span is named <c>POST /items</c>, as the API documents it.</summary>
    private static void TrimRoute(System.Diagnostics.Activity activity)
    {
        if (activity.DisplayName.Length > 1 && activity.DisplayName.EndsWith('/') && activity.GetTagItem("http.route") is string { Length: > 1 } route)
        {
            activity.DisplayName = activity.DisplayName.TrimEnd('/');
            activity.SetTag("http.route", route.TrimEnd('/'));
        }
    }

    private static bool IsScrapeOrProbe(PathString path) =>
        path.StartsWithSegments("/metrics", StringComparison.Ordinal) || path.StartsWithSegments("/health", StringComparison.Ordinal);

    private static OtlpExportProtocol Protocol(string text) => text.Trim().ToUpperInvariant() switch
    {
        "GRPC" => OtlpExportProtocol.Grpc,
        "HTTP/PROTOBUF" or "HTTP" => OtlpExportProtocol.HttpProtobuf,
        _ => throw new InvalidOperationException($"OpenTelemetry:Protocol '{text}' is not one of grpc, http/protobuf."),
    };
}
