using EcoBid.Events.Queues;
using EcoBid.Web.Services.Console;

namespace EcoBid.Server.Admin;

/// <summary>Queue depths for the operator console's chart, from the same statistics <c>GET /admin/queues</c> reports.</summary>
public sealed class QueueDepthSource(IMessageQueue queues) : IQueueDepthSource
{
    public async Task<IReadOnlyDictionary<string, long>> DepthsAsync(CancellationToken cancellationToken) =>
        (await queues.GetStatsAsync(cancellationToken)).ToDictionary(s => s.Queue, s => s.Visible + s.InFlight + s.Delayed, StringComparer.Ordinal);
}
