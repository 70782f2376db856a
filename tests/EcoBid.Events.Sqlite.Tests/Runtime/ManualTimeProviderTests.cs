using EcoBid.Events.Signals;
using EcoBid.Events.Contracts;

namespace EcoBid.Events.Sqlite.Tests.Runtime;

/// <summary>The test clock drives the runtime's timed waits: nothing here waits on real time.</summary>
public sealed class ManualTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2030, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [Fact]
    public void The_clock_moves_only_when_advanced()
    {
        var clock = new ManualTimeProvider(Start);
        var before = clock.GetTimestamp();

        clock.Advance(TimeSpan.FromMinutes(2));

        clock.GetUtcNow().ShouldBe(Start.AddMinutes(2));
        clock.GetElapsedTime(before).ShouldBe(TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task A_signal_wait_times_out_when_the_clock_passes_the_timeout()
    {
        var clock = new ManualTimeProvider(Start);
        var signal = new AsyncSignal();

        var wait = signal.WaitAsync(TimeSpan.FromSeconds(5), clock, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(4));
        wait.IsCompleted.ShouldBeFalse();
        clock.Advance(TimeSpan.FromSeconds(1));

        (await wait.WaitAsync(Guard)).ShouldBeFalse();
        clock.PendingTimers.ShouldBe(0);
    }

    [Fact]
    public async Task A_signal_wait_wakes_on_set_before_the_timeout()
    {
        var clock = new ManualTimeProvider(Start);
        var signal = new AsyncSignal();

        var wait = signal.WaitAsync(TimeSpan.FromSeconds(5), clock, CancellationToken.None);
        signal.Set();

        (await wait.WaitAsync(Guard)).ShouldBeTrue();
        clock.PendingTimers.ShouldBe(0);
    }

    [Fact]
    public async Task A_delay_on_the_clock_ends_when_the_clock_reaches_it()
    {
        var clock = new ManualTimeProvider(Start);

        var delay = Task.Delay(TimeSpan.FromMinutes(1), clock);
        delay.IsCompleted.ShouldBeFalse();
        clock.Advance(TimeSpan.FromMinutes(1));

        await delay.WaitAsync(Guard);
    }

    [Fact]
    public void Timers_fire_in_due_order_and_periodic_ones_repeat()
    {
        var clock = new ManualTimeProvider(Start);
        var fired = new List<string>();
        using var late = clock.CreateTimer(_ => fired.Add($"late {clock.GetUtcNow():mm:ss}"), null, TimeSpan.FromSeconds(25), Timeout.InfiniteTimeSpan);
        using var every = clock.CreateTimer(_ => fired.Add($"every {clock.GetUtcNow():mm:ss}"), null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));

        clock.Advance(TimeSpan.FromSeconds(35));

        fired.ShouldBe(["every 00:10", "every 00:20", "late 00:25", "every 00:30"]);
    }

    [Fact]
    public void A_changed_or_disposed_timer_fires_accordingly()
    {
        var clock = new ManualTimeProvider(Start);
        var fired = 0;
        var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);

        timer.Change(TimeSpan.FromSeconds(20), Timeout.InfiniteTimeSpan).ShouldBeTrue();
        clock.Advance(TimeSpan.FromSeconds(15));
        fired.ShouldBe(0);
        clock.Advance(TimeSpan.FromSeconds(5));
        fired.ShouldBe(1);

        timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        timer.Dispose();
        clock.Advance(TimeSpan.FromSeconds(5));
        fired.ShouldBe(1);
        timer.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan).ShouldBeFalse();
    }
}
