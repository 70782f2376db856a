using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;
using EcoBid.Server.Reservations;

namespace EcoBid.Server.Handlers.UserRated;

/// <summary>The reveal period after a pickup's first rating is over: show what is still hidden.</summary>
public sealed class RevealRatings : IEventHandler
{
    public const string Target = "RevealRatings";

    public Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken) =>
        RatingsApi.RevealAsync(scope, envelope.Read<Domain.Events.RatingRevealDue>().ReservationId);
}
