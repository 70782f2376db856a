namespace EcoBid.Server.Observability;

/// <summary>
/// Configuration section <c>OpenTelemetry</c>. With <see cref="Endpoint"/> set, traces, metrics and logs are exported
/// over OTLP to it; unset, nothing is traced and nothing leaves the process (metrics stay on <c>/metrics</c>).
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "OpenTelemetry";

    /// <summary>The collector's base address, for example <c>http://otel-collector:4317</c> (gRPC) or <c>:4318</c> (HTTP).</summary>
    public Uri? Endpoint { get; set; }

    /// <summary><c>grpc</c> (default) or <c>http/protobuf</c>.</summary>
    public string Protocol { get; set; } = "grpc";

    /// <summary>The <c>service.name</c> resource attribute.</summary>
    public string ServiceName { get; set; } = "ecobid";
}
