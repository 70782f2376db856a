namespace EcoBid.Events.Sqlite.Tests.Timers;

/// <summary>A clock that moves only when told to. Timers it creates never fire by themselves.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void Set(DateTimeOffset to) => _now = to;
}
