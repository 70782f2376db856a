using Dapper;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Reservations;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Handlers.Scheduled;

/// <summary>
/// The seeds' hourly CancelExpiredReservations: a safety net behind the per-reservation timers, expiring any active
/// reservation whose window is over (for example one whose timer was lost with a restored backup).
/// </summary>
public sealed class CancelExpiredReservations(ReservationStore store, IOptions<ReservationsOptions> options) : IEventHandler
{
    public const string Target = "CancelExpiredReservations";
    private const int MaxPerSweep = 500;

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var due = await scope.Connection.QueryAsync<string>(
            "SELECT id FROM reservations WHERE status = 'active' AND expires_at <= @now ORDER BY expires_at LIMIT @max",
            new { now = scope.Now.ToUnixTimeMilliseconds(), max = MaxPerSweep },
            scope.Transaction);
        foreach (var id in due)
        {
            await ReservationExpiry.ExpireAsync(scope, store, options.Value, id);
        }
    }
}
