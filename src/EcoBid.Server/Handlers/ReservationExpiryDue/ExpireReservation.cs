using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Reservations;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Handlers.ReservationExpiryDue;

/// <summary>The reservation-expiry timer fired: expire the reservation if the seller has not confirmed it.</summary>
public sealed class ExpireReservation(ReservationStore store, IOptions<ReservationsOptions> options) : IEventHandler
{
    public const string Target = "ExpireReservation";

    public Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken) =>
        ReservationExpiry.ExpireAsync(scope, store, options.Value, envelope.Read<Domain.Events.ReservationExpiryDue>().ReservationId);
}
