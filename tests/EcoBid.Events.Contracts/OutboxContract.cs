using EcoBid.Events.Envelope;
using EcoBid.Events.Outbox;
using EcoBid.Events.Rules;

namespace EcoBid.Events.Contracts;

/// <summary>
/// <see cref="IOutboxStore"/>: the relay reads committed events in commit order; a dispatch archives each event once,
/// puts one message on each target's queue and removes exactly the dispatched events from the outbox.
/// </summary>
public abstract class OutboxContract : RuntimeContract
{
    private static readonly QueueSettings Settings = new() { BatchSize = 100 };

    [Fact]
    public async Task An_empty_outbox_has_nothing_pending()
    {
        (await PendingAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Reading_pending_events_takes_at_most_max_in_commit_order()
    {
        var events = Enumerable.Range(0, 5).Select(i => TestEvents.Create("ItemCreated", new { i })).ToArray();
        foreach (var envelope in events)
        {
            await PublishAsync(envelope);
        }

        var firstThree = await PendingAsync(max: 3);

        firstThree.Select(e => EventEnvelope.FromJson(e.EnvelopeJson).Id).ShouldBe(events.Take(3).Select(e => e.Id));
    }

    [Fact]
    public async Task Dispatch_puts_one_message_on_each_target_archives_and_empties_the_outbox()
    {
        var created = TestEvents.Create("ItemCreated");
        var unrouted = TestEvents.Create("NotificationSent");
        await PublishAsync(created, unrouted);
        var pending = await PendingAsync();

        await Outbox.DispatchAsync([Routed(pending[0], ["Index", "Moderate"]), Routed(pending[1], [])], None);

        (await PendingAsync()).ShouldBeEmpty();
        (await Store.CountArchivedAsync(created.Id)).ShouldBe(1);
        (await Store.CountArchivedAsync(unrouted.Id)).ShouldBe(1);
        foreach (var queue in new[] { "Index", "Moderate" })
        {
            var message = (await ReceiveAsync(queue, Settings)).ShouldHaveSingleItem();
            message.EventId.ShouldBe(created.Id);
            message.MessageKey.ShouldBe(created.Id);
            message.Queue.ShouldBe(queue);
            message.Body.ShouldBe(pending[0].EnvelopeJson);
        }
    }

    [Fact]
    public async Task Dispatching_the_same_event_twice_archives_it_once()
    {
        var created = TestEvents.Create("ItemCreated");
        await EnqueueAsync("Index", created);

        await EnqueueAsync("Index", created);

        (await Store.CountArchivedAsync(created.Id)).ShouldBe(1);
        (await PendingAsync()).ShouldBeEmpty();
        var delivered = await ReceiveAsync("Index", Settings);
        delivered.ShouldNotBeEmpty();
        delivered.ShouldAllBe(m => m.EventId == created.Id);
    }

    [Fact]
    public async Task Dispatch_leaves_events_committed_after_the_read()
    {
        var first = TestEvents.Create("ItemCreated");
        await PublishAsync(first);
        var pending = await PendingAsync();
        var later = TestEvents.Create("ItemUpdated");
        await PublishAsync(later);

        await Outbox.DispatchAsync([.. pending.Select(e => Routed(e, ["Index"]))], None);

        (await PendingAsync()).Select(e => EventEnvelope.FromJson(e.EnvelopeJson).Id).ShouldBe([later.Id]);
    }

    [Fact]
    public async Task Dispatch_removes_exactly_the_dispatched_events_even_when_they_are_not_the_oldest()
    {
        var first = TestEvents.Create("ItemCreated");
        var second = TestEvents.Create("ItemUpdated");
        var third = TestEvents.Create("ItemDeleted");
        await PublishAsync(first, second, third);
        var pending = await PendingAsync();

        await Outbox.DispatchAsync([Routed(pending[1], ["Index"])], None);

        (await PendingAsync()).Select(e => EventEnvelope.FromJson(e.EnvelopeJson).Id).ShouldBe([first.Id, third.Id]);
        (await Store.CountArchivedAsync(first.Id)).ShouldBe(0);
        (await ReceiveAsync("Index", Settings)).ShouldHaveSingleItem().EventId.ShouldBe(second.Id);
    }

    [Fact]
    public async Task Dispatched_events_keep_their_commit_order_on_a_queue()
    {
        var events = Enumerable.Range(0, 4).Select(i => TestEvents.Create("BidPlaced", new { i })).ToArray();
        await PublishAsync(events[0], events[1]);
        await PublishAsync(events[2], events[3]);

        await Outbox.DispatchAsync([.. (await PendingAsync()).Select(e => Routed(e, ["UpdateStats"]))], None);

        (await ReceiveAsync("UpdateStats", Settings)).Select(m => m.EventId).ShouldBe(events.Select(e => e.Id));
    }
}
