using EcoBid.Events.Monitoring;
using EcoBid.Events.Outbox;
using EcoBid.Events.Contracts;

namespace EcoBid.Events.Sqlite.Tests.Runtime;

/// <summary><see cref="OutboxRelay.RelayOnceAsync"/>: committed events go to every matching target, in batches, once.</summary>
public sealed class OutboxRelayTests : IAsyncLifetime
{
    private RuntimeHarness _runtime = null!;

    public async Task InitializeAsync() => _runtime = await RuntimeHarness.StartAsync(new RuntimeOptions { RelayBatchSize = 2 });

    public async Task DisposeAsync() => await _runtime.DisposeAsync();

    [Fact]
    public async Task Relaying_an_empty_outbox_moves_nothing()
    {
        (await _runtime.RelayOnceAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_committed_event_reaches_every_matching_target_and_no_other()
    {
        var created = TestEvents.Create("ItemCreated");
        await _runtime.PublishAsync(created);

        (await _runtime.RelayOnceAsync()).ShouldBe(1);

        await _runtime.Monitor.WaitForAsync(a => a.Kind == RuntimeActivityKind.Dispatched && a.EventId == created.Id, TimeSpan.FromSeconds(10));
        (await _runtime.PendingAsync()).ShouldBeEmpty();
        (await _runtime.Store.CountArchivedAsync(created.Id)).ShouldBe(1);
        foreach (var target in new[] { "Index", "Moderate" })
        {
            (await _runtime.Store.Queue.ReceiveAsync(target, _runtime.Settings(target), CancellationToken.None)).ShouldHaveSingleItem().EventId.ShouldBe(created.Id);
        }

        (await _runtime.Store.Queue.ReceiveAsync("NotifySeller", _runtime.Settings("NotifySeller"), CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Relaying_wakes_the_consumers_of_the_targets_it_enqueued_on()
    {
        await _runtime.PublishAsync(TestEvents.Create("ReservationCreated"));

        await _runtime.RelayOnceAsync();

        (await _runtime.Store.Signals.Queue("NotifySeller").WaitAsync(TimeSpan.Zero, _runtime.Clock, CancellationToken.None)).ShouldBeTrue();
        (await _runtime.Store.Signals.Queue("Index").WaitAsync(TimeSpan.Zero, _runtime.Clock, CancellationToken.None)).ShouldBeFalse();
    }

    [Fact]
    public async Task An_event_no_rule_matches_is_archived_and_goes_nowhere()
    {
        var sent = TestEvents.Create("NotificationSent");
        await _runtime.PublishAsync(sent);

        (await _runtime.RelayOnceAsync()).ShouldBe(1);

        (await _runtime.Store.CountArchivedAsync(sent.Id)).ShouldBe(1);
        (await _runtime.PendingAsync()).ShouldBeEmpty();
        (await _runtime.Store.Queue.GetStatsAsync(CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Relaying_moves_at_most_one_batch_in_commit_order()
    {
        var events = Enumerable.Range(0, 3).Select(i => TestEvents.Create("ReservationCreated", new { i })).ToArray();
        await _runtime.PublishAsync(events);

        (await _runtime.RelayOnceAsync()).ShouldBe(2);
        (await _runtime.RelayOnceAsync()).ShouldBe(1);
        (await _runtime.RelayOnceAsync()).ShouldBe(0);

        _runtime.Monitor.Recent.Where(a => a.Kind == RuntimeActivityKind.Dispatched).Select(a => a.EventId).ShouldBe(events.Select(e => e.Id));
        var settings = _runtime.Settings("NotifySeller") with { BatchSize = 10 };
        (await _runtime.Store.Queue.ReceiveAsync("NotifySeller", settings, CancellationToken.None)).Select(m => m.EventId).ShouldBe(events.Select(e => e.Id));
    }
}
