using EcoBid.Events.Storage;

namespace EcoBid.Events.Timers;

/// <summary>Durable timers. Creating, moving and cancelling happen in the caller's transaction, with its state change.</summary>
public interface ITimerStore
{
    /// <summary>Creates the timer, or moves it if one with the same key exists.</summary>
    Task ScheduleAsync(IWriteScope scope, ScheduledTimer timer);

    /// <returns>Whether a timer with the key existed.</returns>
    Task<bool> CancelAsync(IWriteScope scope, string key);

    /// <summary>Removes and returns the timers due at <paramref name="now"/>, earliest first.</summary>
    Task<IReadOnlyList<ScheduledTimer>> TakeDueAsync(IWriteScope scope, DateTimeOffset now, int max);

    Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<ScheduledTimer>> ListAsync(int max, CancellationToken cancellationToken);

    Task<ScheduleState?> FindScheduleAsync(IWriteScope scope, string name);

    Task SaveScheduleAsync(IWriteScope scope, ScheduleState state);

    /// <summary>Forgets schedules (and their timers) that are no longer defined.</summary>
    Task<int> RemoveSchedulesExceptAsync(IWriteScope scope, IReadOnlyCollection<string> names);

    Task<IReadOnlyList<ScheduleState>> ListSchedulesAsync(CancellationToken cancellationToken);
}
