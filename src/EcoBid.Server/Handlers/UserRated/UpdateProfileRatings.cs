using Dapper;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;

namespace EcoBid.Server.Handlers.UserRated;

/// <summary>Keeps each profile's rating sum and count (the average is derived); the inbox makes each rating count once.</summary>
public sealed class UpdateProfileRatings : IEventHandler
{
    public const string Target = "UpdateProfileRatings";

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var rated = envelope.Read<Domain.Events.UserRated>();
        await scope.Connection.ExecuteAsync(
            "UPDATE users SET rating_sum = rating_sum + @Score, rating_count = rating_count + 1 WHERE id = @RatedUserId",
            rated,
            scope.Transaction);
    }
}
