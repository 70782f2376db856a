using System.Diagnostics.Metrics;
using EcoBid.Events.Monitoring;
using EcoBid.Server.Notifications;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Alarms;

/// <summary>
/// What the alarms that watch events (rather than stored state) are fed, taken from the meters this process already
/// has, with a <see cref="MeterListener"/> limited to this host's <see cref="IMeterFactory"/>: handler attempts and
/// failures (<c>EcoBid.Events</c>), responses by status (ASP.NET Core's <c>http.server.request.duration</c>: 5xx, and
/// 429 for rate-limit rejections), and the email circuit breaker's transitions (<c>EcoBid.Notifications</c>). Each
/// is counted into a sliding window; nothing here touches a request's or a handler's own path beyond a counter add.
/// </summary>
public sealed class AlarmSignals : IDisposable
{
    private const string HostingMeter = "Microsoft.AspNetCore.Hosting";
    private const string RequestDuration = "http.server.request.duration";
    private const string StatusCodeTag = "http.response.status_code";

    private readonly IMeterFactory _meterFactory;
    private readonly MeterListener _listener = new();
    private int _circuitOpen;

    public AlarmSignals(IMeterFactory meterFactory, IOptions<AlarmOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _meterFactory = meterFactory;
        var o = options.Value;
        HandlerAttempts = new SlidingWindowCounter(o.HandlerErrorRate.Window, clock);
        HandlerErrors = new SlidingWindowCounter(o.HandlerErrorRate.Window, clock);
        Requests = new SlidingWindowCounter(o.ServerErrorRate.Window, clock);
        ServerErrors = new SlidingWindowCounter(o.ServerErrorRate.Window, clock);
        Rejections = new SlidingWindowCounter(o.RateLimitRejections.Window, clock);

        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, _meterFactory) && Wanted(instrument))
            {
                listener.EnableMeasurementEvents(instrument, this);
            }
        };
        _listener.SetMeasurementEventCallback<long>(static (instrument, value, tags, state) => ((AlarmSignals)state!).OnCount(instrument.Name, value, tags));
        _listener.SetMeasurementEventCallback<double>(static (instrument, _, tags, state) => ((AlarmSignals)state!).OnRequest(tags));
        _listener.Start();
    }

    public SlidingWindowCounter HandlerAttempts { get; }

    public SlidingWindowCounter HandlerErrors { get; }

    public SlidingWindowCounter Requests { get; }

    public SlidingWindowCounter ServerErrors { get; }

    public SlidingWindowCounter Rejections { get; }

    /// <summary>The email channel's circuit is open or half-open (trying one send): emails are being skipped.</summary>
    public bool CircuitOpen => Volatile.Read(ref _circuitOpen) == 1;

    public void Dispose() => _listener.Dispose();

    private static bool Wanted(Instrument instrument) => (instrument.Meter.Name, instrument.Name) switch
    {
        (RuntimeMonitor.MeterName, "ecobid.messages.handled" or "ecobid.messages.failed" or "ecobid.messages.dead_lettered") => true,
        (NotificationMetrics.MeterName, "ecobid.notifications.email_breaker") => true,
        (HostingMeter, RequestDuration) => true,
        _ => false,
    };

    private void OnCount(string instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        switch (instrument)
        {
            case "ecobid.messages.handled":
                HandlerAttempts.Add(value);
                break;
            case "ecobid.messages.failed":
            case "ecobid.messages.dead_lettered":
                HandlerAttempts.Add(value);
                HandlerErrors.Add(value);
                break;
            default:
                foreach (var tag in tags)
                {
                    if (tag is { Key: "transition", Value: string transition })
                    {
                        Volatile.Write(ref _circuitOpen, transition == "closed" ? 0 : 1);
                    }
                }

                break;
        }
    }

    private void OnRequest(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var status = 0;
        foreach (var tag in tags)
        {
            if (tag.Key == StatusCodeTag && tag.Value is int code)
            {
                status = code;
            }
        }

        Requests.Add();
        if (status >= 500)
        {
            ServerErrors.Add();
        }
        else if (status == StatusCodes.Status429TooManyRequests)
        {
            Rejections.Add();
        }
    }
}
