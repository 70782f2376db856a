namespace EcoBid.Web.Services.Console;

/// <summary>
/// What the console shows of the event runtime's configuration and recent traffic: the rules (which events go to
/// which targets) and the last events archived. A port, so the web client needs no reference to the runtime; the
/// server provides it.
/// </summary>
public interface IRuntimeOverview
{
    IReadOnlyList<RuleRoute> Rules { get; }

    Task<IReadOnlyList<RecentEvent>> RecentEventsAsync(int count, CancellationToken cancellationToken);
}

/// <summary>One rule: its event pattern (JSON) and the targets a matching event is queued for.</summary>
public sealed record RuleRoute(string Name, string Description, string Pattern, IReadOnlyList<string> Targets);

/// <summary>An archived event with the correlation id that ties it to the request that caused it.</summary>
public sealed record RecentEvent(string Id, string Source, string DetailType, DateTimeOffset Time, string? CorrelationId);
