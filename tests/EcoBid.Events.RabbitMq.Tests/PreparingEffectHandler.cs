using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;

namespace EcoBid.Events.RabbitMq.Tests;

/// <summary>
/// An <see cref="EffectHandler"/> with a slow part run before the transaction, which reads the store: while
/// <see cref="StoreAway"/> is set, that read fails as a store outage does (a <see cref="TimeoutException"/>, which
/// <see cref="AwayDatabase"/> calls an outage).
/// </summary>
public sealed class PreparingEffectHandler : IPreparingEventHandler
{
    private readonly EffectHandler _effect = new();
    private int _preparations;

    public bool StoreAway { get; set; }

    public int Preparations => Volatile.Read(ref _preparations);

    public int Calls => _effect.Calls;

    public Task<object?> PrepareAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _preparations);
        return StoreAway ? Task.FromException<object?>(new TimeoutException("the database is restarting")) : Task.FromResult<object?>(envelope.Id);
    }

    public Task HandleAsync(EventEnvelope envelope, object? prepared, IWriteScope scope, CancellationToken cancellationToken) =>
        _effect.HandleAsync(envelope, scope, cancellationToken);
}
