namespace EcoBid.Server.Observability;

/// <summary>Configuration section <c>Metrics</c>: the Prometheus scrape endpoint and who may read it.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>Serve <c>/metrics</c> in Prometheus' text format.</summary>
    public bool Prometheus { get; set; } = true;

    /// <summary>
    /// Client networks (CIDR, such as <c>10.0.0.0/8</c> or <c>127.0.0.1/32</c>) that may scrape without a token. Empty by
    /// default: then only a signed-in admin may.
    /// </summary>
    public IList<string> AllowedNetworks { get; } = [];
}
