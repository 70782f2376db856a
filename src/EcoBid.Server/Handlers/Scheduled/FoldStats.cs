using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Stats;

namespace EcoBid.Server.Handlers.Scheduled;

/// <summary>
/// The <c>FoldStats</c> schedule (<c>rate(5 minutes)</c>): folds the statistics counts appended since the last fold into
/// their counters (<see cref="StatsCounters"/>), so <c>/stats</c> sums a few minutes of counts, not a day's.
/// </summary>
public sealed class FoldStats : IEventHandler
{
    public const string Target = "FoldStats";

    public Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken) =>
        StatsCounters.FoldAsync(scope, cancellationToken);
}
