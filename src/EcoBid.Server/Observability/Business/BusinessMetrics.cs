using System.Diagnostics.Metrics;

namespace EcoBid.Server.Observability.Business;

/// <summary>
/// Meter <c>EcoBid.Business</c>: the marketplace over the last hour (a sliding hour, refreshed by
/// <see cref="BusinessMetricsRefresher"/>), as gauges: items posted, reservation, completion and no-show rates,
/// auction sell-through, accounts created and accounts in all. A rate with nothing to divide by is not reported.
/// </summary>
public sealed class BusinessMetrics : IDisposable
{
    public const string MeterName = "EcoBid.Business";

    private readonly Meter _meter;
    private BusinessHour? _lastHour;

    public BusinessMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        Gauge("ecobid.business.items_posted", "{item}", "Items posted in the last hour", h => h.ItemsPosted);
        Gauge("ecobid.business.reservation_rate", "1", "Reservations of free items per free item posted, last hour", h => h.ReservationRate);
        Gauge("ecobid.business.completion_rate", "1", "Completed share of the reservations closed in the last hour", h => h.CompletionRate);
        Gauge("ecobid.business.no_show_rate", "1", "No-show share of the reservations closed in the last hour", h => h.NoShowRate);
        Gauge("ecobid.business.auction_sell_through", "1", "Sold share of the auctions ended in the last hour", h => h.SellThrough);
        Gauge("ecobid.business.users_registered", "{user}", "Accounts created in the last hour", h => h.UsersRegistered);
        Gauge("ecobid.business.users", "{user}", "Accounts in all", h => h.UsersTotal);
    }

    /// <summary>The figures the gauges report, or <c>null</c> before the first refresh.</summary>
    public BusinessHour? LastHour
    {
        get => Volatile.Read(ref _lastHour);
        set => Volatile.Write(ref _lastHour, value);
    }

    public void Dispose() => _meter.Dispose();

    private void Gauge(string name, string unit, string description, Func<BusinessHour, double?> read) =>
        _meter.CreateObservableGauge(name, () => LastHour is { } hour && read(hour) is { } value ? [new Measurement<double>(value)] : Array.Empty<Measurement<double>>(), unit, description);
}
