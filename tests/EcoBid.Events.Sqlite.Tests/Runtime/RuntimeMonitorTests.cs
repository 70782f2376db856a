using EcoBid.Events.Monitoring;
using EcoBid.Events.Contracts;

namespace EcoBid.Events.Sqlite.Tests.Runtime;

/// <summary><see cref="RuntimeMonitor.WaitForAsync"/>: what tests wait on instead of sleeping.</summary>
public sealed class RuntimeMonitorTests : IAsyncLifetime
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(10);

    private RuntimeHarness _runtime = null!;

    public async Task InitializeAsync() => _runtime = await RuntimeHarness.StartAsync();

    public async Task DisposeAsync() => await _runtime.DisposeAsync();

    [Fact]
    public async Task Waiting_returns_an_activity_that_was_already_seen()
    {
        var reserved = TestEvents.Create("ReservationCreated");
        await _runtime.PublishAndRelayAsync(reserved);
        await _runtime.Consumer("NotifySeller", new RecordingHandler("NotifySeller")).ConsumeOnceAsync(CancellationToken.None);

        var wait = _runtime.Monitor.WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled && a.EventId == reserved.Id, Long);

        wait.IsCompletedSuccessfully.ShouldBeTrue();
        (await wait).Queue.ShouldBe("NotifySeller");
    }

    [Fact]
    public async Task Waiting_completes_when_a_matching_activity_happens_later()
    {
        var reserved = TestEvents.Create("ReservationCreated");
        var wait = _runtime.Monitor.WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled && a.EventId == reserved.Id, Long);
        await _runtime.PublishAndRelayAsync(reserved);
        wait.IsCompleted.ShouldBeFalse();

        await _runtime.Consumer("NotifySeller", new RecordingHandler("NotifySeller")).ConsumeOnceAsync(CancellationToken.None);

        var handled = await wait;
        handled.EventId.ShouldBe(reserved.Id);
        handled.Queue.ShouldBe("NotifySeller");
    }

    [Fact]
    public async Task Waiting_for_a_count_completes_with_the_nth_match_counting_seen_and_future_ones()
    {
        _runtime.Monitor.Record(Handled("event-1"));
        var wait = _runtime.Monitor.WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled, Long, count: 3);

        _runtime.Monitor.Record(Handled("event-2"));
        _runtime.Monitor.Record(new RuntimeActivity(RuntimeActivityKind.Failed, "event-3", "Index", RuntimeHarness.Start));
        wait.IsCompleted.ShouldBeFalse();
        _runtime.Monitor.Record(Handled("event-3"));

        (await wait).EventId.ShouldBe("event-3");
    }

    [Fact]
    public async Task Waiting_for_a_count_among_seen_activities_returns_the_nth()
    {
        _runtime.Monitor.Record(Handled("event-1"));
        _runtime.Monitor.Record(Handled("event-2"));
        _runtime.Monitor.Record(Handled("event-3"));

        var wait = _runtime.Monitor.WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled, Long, count: 2);

        wait.IsCompletedSuccessfully.ShouldBeTrue();
        (await wait).EventId.ShouldBe("event-2");
    }

    [Fact]
    public async Task Waiting_times_out_when_no_matching_activity_happens()
    {
        _runtime.Monitor.Record(new RuntimeActivity(RuntimeActivityKind.Failed, "event-1", "Index", RuntimeHarness.Start));

        await Should.ThrowAsync<TimeoutException>(() =>
            _runtime.Monitor.WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled, TimeSpan.FromMilliseconds(50)));
    }

    [Fact]
    public async Task A_wait_that_timed_out_does_not_count_later_activities()
    {
        await Should.ThrowAsync<TimeoutException>(() =>
            _runtime.Monitor.WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled, TimeSpan.FromMilliseconds(20)));

        _runtime.Monitor.Record(Handled("event-1"));

        (await _runtime.Monitor.WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled, Long)).EventId.ShouldBe("event-1");
    }

    [Fact]
    public async Task Regression_an_activity_recorded_while_a_wait_starts_is_counted_once()
    {
        // Record used to append the activity to the window before it took the gate. A wait that started in that gap
        // found the activity in the window and was then notified of it as well, so a wait for two completed after one.
        // The gap is held open here: a wait's scan runs its predicate under the gate, so a predicate can hold the gate
        // while another thread records, and start the second wait (the gate is re-entrant) while that thread waits.
        using var stop = new CancellationTokenSource();
        var monitor = _runtime.Monitor;
        var first = Handled("raced") with { ReceiveCount = 1 };
        var second = Handled("raced") with { ReceiveCount = 2 };
        monitor.Record(Handled("holder"));
        Thread? recorder = null;
        Task<RuntimeActivity>? waitForTwo = null;
        var holder = monitor.WaitForAsync(a =>
        {
            if (a.EventId == "holder" && recorder is null)
            {
                recorder = new Thread(() => monitor.Record(first));
                recorder.Start();
                SpinWait.SpinUntil(() => monitor.Recent.Contains(first), TimeSpan.FromMilliseconds(250));
                waitForTwo = monitor.WaitForAsync(r => r.EventId == "raced", Long, count: 2, stop.Token);
            }

            return false;
        }, Long, cancellationToken: stop.Token);
        recorder.ShouldNotBeNull().Join(Long).ShouldBeTrue();

        monitor.Record(second);

        (await waitForTwo.ShouldNotBeNull()).ShouldBeSameAs(second);
        await stop.CancelAsync();
        await Should.ThrowAsync<TaskCanceledException>(() => holder);
    }

    private static RuntimeActivity Handled(string eventId) => new(RuntimeActivityKind.Handled, eventId, "Index", RuntimeHarness.Start, 1);
}
