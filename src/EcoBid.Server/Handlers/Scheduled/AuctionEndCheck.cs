using Dapper;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Auctions;

namespace EcoBid.Server.Handlers.Scheduled;

/// <summary>
/// The seeds' AuctionEndCheck (<c>rate(1 minute)</c>): a safety net behind the per-auction end timers, closing any
/// open auction past its effective end (for example one whose timer was lost with a restored backup). It never
/// decides an end of its own: the close rule is the same one the timer's handler runs.
/// </summary>
public sealed class AuctionEndCheck(AuctionClosing closing) : IEventHandler
{
    public const string Target = "AuctionEndCheck";
    private const int MaxPerSweep = 200;

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var overdue = await scope.Connection.QueryAsync<string>(
            "SELECT id FROM auctions WHERE status = 'open' AND effective_end <= @now ORDER BY effective_end LIMIT @max",
            new { now = scope.Now.ToUnixTimeMilliseconds(), max = MaxPerSweep },
            scope.Transaction);
        foreach (var auctionId in overdue)
        {
            await closing.CloseIfDueAsync(scope, auctionId);
        }
    }
}
