using EcoBid.Events.Storage;

namespace EcoBid.Events.Archive;

/// <summary>Replays and their progress, durable so a replay survives a restart and resumes where it stopped.</summary>
public interface IReplayStore
{
    /// <returns><c>false</c> when a replay with the name exists already (names are never reused).</returns>
    Task<bool> TryAddAsync(ReplayDefinition definition, DateTimeOffset now, CancellationToken cancellationToken);

    Task<Replay?> FindAsync(string name, CancellationToken cancellationToken);

    /// <summary>Every replay, newest first.</summary>
    Task<IReadOnlyList<Replay>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The replay a runner should work on next: a running one (interrupted by a stop) first, then the oldest pending one.</summary>
    Task<Replay?> NextActiveAsync(CancellationToken cancellationToken);

    /// <summary>Moves a pending replay to running with its total; <c>false</c> when it is no longer pending.</summary>
    Task<bool> TryBeginAsync(string name, long total, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Records a batch in the caller's transaction, only if the replay is still running and still at
    /// <paramref name="expected"/>; <c>false</c> otherwise (cancelled, or another runner moved it), and the caller
    /// must then enqueue nothing. The check and the update are one statement, so two runners never both advance.
    /// </summary>
    Task<bool> TryAdvanceAsync(IWriteScope scope, string name, ArchivePosition? expected, ReplayAdvance advance);

    /// <summary>Flips a pending or running replay to cancelled; returns the replay as it is afterwards, or <c>null</c> if there is none.</summary>
    Task<Replay?> CancelAsync(string name, DateTimeOffset now, CancellationToken cancellationToken);

    Task FailAsync(string name, string reason, DateTimeOffset now, CancellationToken cancellationToken);
}
