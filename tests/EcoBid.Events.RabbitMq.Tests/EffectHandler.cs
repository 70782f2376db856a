using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;

namespace EcoBid.Events.RabbitMq.Tests;

/// <summary>Writes one <c>effects</c> row per call in the consumer's transaction, and throws while <see cref="Failing"/> is set.</summary>
public sealed class EffectHandler : IEventHandler
{
    private int _calls;
    private volatile bool _failing;

    public bool Failing
    {
        get => _failing;
        set => _failing = value;
    }

    public int Calls => _calls;

    public async Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        await using (var effect = scope.Command("INSERT INTO effects (event_id) VALUES (@id)", ("@id", envelope.Id)))
        {
            await effect.ExecuteNonQueryAsync(cancellationToken);
        }

        if (Failing)
        {
            throw new InvalidOperationException($"the thumbnailer is down ({envelope.Id})");
        }
    }
}
