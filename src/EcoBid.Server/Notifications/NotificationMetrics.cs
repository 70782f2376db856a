using System.Diagnostics.Metrics;

namespace EcoBid.Server.Notifications;

/// <summary>
/// Meter <c>EcoBid.Notifications</c>: live connections and frames, notifications by kind, email outcomes (a degraded
/// email channel shows here as <c>skipped</c>), account emails by outcome (a lost one shows as <c>given_up</c>), and the
/// email circuit breaker's state changes.
/// </summary>
public sealed class NotificationMetrics : IDisposable
{
    public const string MeterName = "EcoBid.Notifications";

    private readonly Meter _meter;
    private readonly UpDownCounter<long> _connections;
    private readonly Counter<long> _frames;
    private readonly Counter<long> _created;
    private readonly Counter<long> _email;
    private readonly Counter<long> _breaker;
    private readonly Counter<long> _accountEmail;

    public NotificationMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _connections = _meter.CreateUpDownCounter<long>("ecobid.live.connections", description: "Open live connections");
        _frames = _meter.CreateCounter<long>("ecobid.live.frames", description: "Frames queued to live connections");
        _created = _meter.CreateCounter<long>("ecobid.notifications.created", description: "Notifications delivered, by kind");
        _email = _meter.CreateCounter<long>("ecobid.notifications.email", description: "Email attempts by outcome: sent, retry, failed, skipped");
        _breaker = _meter.CreateCounter<long>("ecobid.notifications.email_breaker", description: "Email circuit breaker transitions: opened, half_opened, closed");
        _accountEmail = _meter.CreateCounter<long>("ecobid.notifications.account_email", description: "Account email (verification, password reset) attempts by outcome: sent, retry, given_up");
    }

    public void ConnectionOpened() => _connections.Add(1);

    public void ConnectionClosed() => _connections.Add(-1);

    public void FrameQueued() => _frames.Add(1);

    public void Created(string kind) => _created.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Email(string outcome) => _email.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Breaker(string transition) => _breaker.Add(1, new KeyValuePair<string, object?>("transition", transition));

    public void AccountEmail(string purpose, string outcome) => _accountEmail.Add(1, new KeyValuePair<string, object?>("purpose", purpose), new KeyValuePair<string, object?>("outcome", outcome));

    public void Dispose() => _meter.Dispose();
}
