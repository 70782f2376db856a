using EcoBid.Events.Rules;
using EcoBid.Events.Signals;

namespace EcoBid.Events.Archive;

/// <summary>
/// Starting, watching and cancelling replays, for the admin API and the CLI alike. Starting only records the replay;
/// a <see cref="ReplayRunner"/> in a worker process (this one or another on the same database) delivers it.
/// </summary>
public sealed class ReplayService(IReplayStore store, RuleSet rules, RuntimeSignals signals, TimeProvider clock)
{
    public async Task<ReplayStartResult> StartAsync(ReplayRequest request, CancellationToken cancellationToken)
    {
        if (!ReplayValidation.TryValidate(request, rules, out var definition, out var errors))
        {
            return ReplayStartResult.Invalid(errors);
        }

        if (!await store.TryAddAsync(definition, clock.GetUtcNow(), cancellationToken))
        {
            return ReplayStartResult.Taken();
        }

        signals.Replays.Set();
        var replay = await store.FindAsync(definition.Name, cancellationToken)
            ?? throw new InvalidOperationException($"Replay '{definition.Name}' was added but cannot be read back.");
        return ReplayStartResult.Success(replay);
    }

    public Task<Replay?> FindAsync(string name, CancellationToken cancellationToken) => store.FindAsync(name, cancellationToken);

    public Task<IReadOnlyList<Replay>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    /// <summary>
    /// Cancels a pending or running replay; returns it as it is afterwards (state cancelled, or the final state it had
    /// reached already), or <c>null</c> if there is none. Messages already enqueued are still handled.
    /// </summary>
    public Task<Replay?> CancelAsync(string name, CancellationToken cancellationToken) => store.CancelAsync(name, clock.GetUtcNow(), cancellationToken);
}
