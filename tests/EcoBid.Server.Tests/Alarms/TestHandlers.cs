using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Events.Storage;

namespace EcoBid.Server.Tests.Alarms;

/// <summary>A handler whose dependency is down for good.</summary>
public sealed class AlwaysFails : IEventHandler
{
    public Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("the test dependency is down");
}

/// <summary>A handler that fails while <see cref="HandlerSwitch.Failing"/> is set, and succeeds after.</summary>
public sealed class SwitchedHandler(HandlerSwitch state) : IEventHandler
{
    public Task HandleAsync(EventEnvelope envelope, IWriteScope scope, CancellationToken cancellationToken)
    {
        state.CountAttempt();
        return state.Failing ? throw new InvalidOperationException("the test dependency is still down") : Task.CompletedTask;
    }
}

public sealed class HandlerSwitch
{
    private int _attempts;
    private volatile bool _failing = true;

    public int Attempts => Volatile.Read(ref _attempts);

    public bool Failing
    {
        get => _failing;
        set => _failing = value;
    }

    public void CountAttempt() => Interlocked.Increment(ref _attempts);
}
