using EcoBid.Events.Signals;

namespace EcoBid.Events.Tests.Signals;

public sealed class AsyncSignalTests
{
    [Fact]
    public async Task A_set_wakes_a_waiter_and_a_wait_with_no_set_times_out()
    {
        var signal = new AsyncSignal();

        var woken = signal.WaitAsync(TimeSpan.FromSeconds(30), TimeProvider.System, CancellationToken.None);
        signal.Set();

        (await woken).ShouldBeTrue();
        (await signal.WaitAsync(TimeSpan.FromMilliseconds(50), TimeProvider.System, CancellationToken.None)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_timeout_timer_that_fires_after_the_wait_returned_throws_nothing()
    {
        // A real timer's callback can already be on its way when the wait returns and disposes what it made; that
        // callback then runs on a pool thread, where an exception ends the process.
        var timers = new CapturedTimers();
        var signal = new AsyncSignal();
        var waiting = signal.WaitAsync(TimeSpan.FromSeconds(30), timers, CancellationToken.None);
        signal.Set();
        (await waiting).ShouldBeTrue();

        timers.Callbacks.ShouldNotBeEmpty();
        foreach (var (callback, state) in timers.Callbacks)
        {
            Should.NotThrow(() => callback(state));
        }
    }

    [Fact]
    public async Task The_callers_cancellation_ends_the_wait_with_an_exception_not_a_timeout()
    {
        using var cancel = new CancellationTokenSource();
        var signal = new AsyncSignal();
        var waiting = signal.WaitAsync(TimeSpan.FromSeconds(30), TimeProvider.System, cancel.Token);

        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => waiting);
    }

    /// <summary>Hands out timers that never fire on their own and keeps their callbacks, to be run late by the test.</summary>
    private sealed class CapturedTimers : TimeProvider
    {
        public List<(TimerCallback Callback, object? State)> Callbacks { get; } = [];

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Callbacks.Add((callback, state));
            return new Idle();
        }

        private sealed class Idle : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
