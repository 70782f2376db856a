namespace EcoBid.Events.Sqlite.Tests.Infrastructure;

/// <summary>A clock that reads what the test sets; timers still run on real time.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
