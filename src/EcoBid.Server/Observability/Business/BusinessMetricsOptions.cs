namespace EcoBid.Server.Observability.Business;

/// <summary>Configuration section <c>Metrics:Business</c>.</summary>
public sealed class BusinessMetricsOptions
{
    public const string Section = "Metrics:Business";

    /// <summary>How often the last hour's figures behind the <c>ecobid.business.*</c> gauges are recomputed.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(1);
}
