using EcoBid.Events.Envelope;
using EcoBid.Events.Queues;
using EcoBid.Events.Rules;

namespace EcoBid.Events.Contracts;

/// <summary>
/// What every transport keeps, a database table or a broker alike, in real time: a dispatched event arrives once per
/// target with its key and body, in order; settlements take effect only when the handler's transaction commits; a
/// failed transaction gives the message back with its receive counted; a release comes back after its delay; after
/// the receive limit the message sits in the dead-letter queue with its last error, to be listed, redriven and purged.
/// Time passes on the store's manual clock and on the wall clock together, so an adapter may judge delays by either.
/// </summary>
public abstract class QueueDeliveryContract : RuntimeContract
{
    private const string Q = "Index";

    private static readonly QueueSettings Settings = new() { BatchSize = 10, MaxReceiveCount = 3, VisibilityTimeout = TimeSpan.FromSeconds(30) };

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_dispatched_event_arrives_on_each_target_once_with_its_key_and_body()
    {
        var created = TestEvents.Create("ItemCreated", new { itemId = "item-1" });
        await EnqueueAsync([Q, "Moderate"], created);

        foreach (var queue in new[] { Q, "Moderate" })
        {
            var message = (await ReceiveEventuallyAsync(queue, 1)).ShouldHaveSingleItem();
            message.Queue.ShouldBe(queue);
            message.EventId.ShouldBe(created.Id);
            message.MessageKey.ShouldBe(created.Id);
            message.ReceiveCount.ShouldBe(1);
            EventEnvelope.FromJson(message.Body).ToJson().ShouldBe(created.ToJson());
            await SettleAsync(message, m => WriteAsync(scope => Queue.AcknowledgeAsync(scope, m)));
        }

        (await Store.CountArchivedAsync(created.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task Dispatched_events_arrive_in_commit_order()
    {
        var events = Enumerable.Range(0, 6).Select(i => TestEvents.Create("BidPlaced", new { i })).ToArray();
        await EnqueueAsync(Q, events[..3]);
        await EnqueueAsync(Q, events[3..]);

        var received = await ReceiveEventuallyAsync(Q, events.Length);

        received.Select(m => m.EventId).ShouldBe(events.Select(e => e.Id));
    }

    [Fact]
    public async Task An_acknowledged_message_is_not_delivered_again()
    {
        await EnqueueAsync(Q, TestEvents.Create("ItemCreated"));
        var message = (await ReceiveEventuallyAsync(Q, 1)).Single();

        await SettleAsync(message, m => WriteAsync(scope => Queue.AcknowledgeAsync(scope, m)));
        await PassAsync(Settings.VisibilityTimeout);

        (await ReceiveForAsync(Q, TimeSpan.FromMilliseconds(300))).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_message_whose_transaction_failed_comes_back_with_its_receive_counted()
    {
        var created = TestEvents.Create("ItemCreated");
        await EnqueueAsync(Q, created);
        var message = (await ReceiveEventuallyAsync(Q, 1)).Single();

        await SettleAsync(message, m => Should.ThrowAsync<InvalidOperationException>(() => WriteAsync(async scope =>
        {
            await Queue.AcknowledgeAsync(scope, m);
            throw new InvalidOperationException("the handler's write failed");
        })));
        await PassAsync(Settings.VisibilityTimeout);

        var again = (await ReceiveEventuallyAsync(Q, 1)).ShouldHaveSingleItem();
        again.EventId.ShouldBe(created.Id);
        again.ReceiveCount.ShouldBe(2);
    }

    [Fact]
    public async Task A_released_message_comes_back_after_its_delay()
    {
        await EnqueueAsync(Q, TestEvents.Create("ItemCreated"));
        var message = (await ReceiveEventuallyAsync(Q, 1)).Single();
        var delay = TimeSpan.FromMilliseconds(700);

        await SettleAsync(message, m => WriteAsync(scope => Queue.ReleaseAsync(scope, m, delay, "TimeoutException: search index slow")));
        var released = DateTime.UtcNow;

        (await ReceiveForAsync(Q, TimeSpan.FromMilliseconds(200))).ShouldBeEmpty();
        await PassAsync(delay);
        var again = (await ReceiveEventuallyAsync(Q, 1)).ShouldHaveSingleItem();
        again.ReceiveCount.ShouldBe(2);
        (DateTime.UtcNow - released).ShouldBeGreaterThanOrEqualTo(delay - TimeSpan.FromMilliseconds(20));
    }

    [Fact]
    public async Task A_message_that_fails_every_time_is_dead_lettered_after_the_receive_limit_with_its_last_error()
    {
        var poison = TestEvents.Create("ImageUploaded");
        await EnqueueAsync(Q, poison);
        for (var receive = 1; receive <= Settings.MaxReceiveCount; receive++)
        {
            var message = (await ReceiveEventuallyAsync(Q, 1)).ShouldHaveSingleItem();
            message.ReceiveCount.ShouldBe(receive);
            var error = $"HttpRequestException: thumbnailer down ({receive})";
            await SettleAsync(message, m => WriteAsync(scope => receive < Settings.MaxReceiveCount
                ? Queue.ReleaseAsync(scope, m, TimeSpan.FromMilliseconds(50), error)
                : Queue.DeadLetterAsync(scope, m, error)));
            await PassAsync(TimeSpan.FromMilliseconds(50));
        }

        var letter = (await DeadLettersEventuallyAsync(1)).ShouldHaveSingleItem();
        letter.EventId.ShouldBe(poison.Id);
        letter.MessageKey.ShouldBe(poison.Id);
        letter.SourceQueue.ShouldBe(Q);
        letter.ReceiveCount.ShouldBe(Settings.MaxReceiveCount);
        letter.LastError.ShouldBe($"HttpRequestException: thumbnailer down ({Settings.MaxReceiveCount})");
        EventEnvelope.FromJson(letter.Body).Id.ShouldBe(poison.Id);
        (await ReceiveForAsync(Q, TimeSpan.FromMilliseconds(300))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Redriving_returns_dead_letters_to_their_queue_with_a_fresh_receive_count()
    {
        var events = new[] { TestEvents.Create("ItemCreated"), TestEvents.Create("ItemCreated") };
        await DeadLetterAsync(events);

        (await Queue.RedriveAsync(Q, null, 100, None)).ShouldBe(2);

        (await Queue.ListDeadLettersAsync(Q, 10, None)).ShouldBeEmpty();
        var again = await ReceiveEventuallyAsync(Q, 2);
        again.Select(m => m.EventId).ShouldBe(events.Select(e => e.Id), ignoreOrder: true);
        again.ShouldAllBe(m => m.ReceiveCount == 1);
    }

    [Fact]
    public async Task Redriving_by_id_moves_only_the_named_dead_letters_and_listing_leaves_them_in_place()
    {
        var events = Enumerable.Range(0, 3).Select(i => TestEvents.Create("ItemCreated", new { i })).ToArray();
        await DeadLetterAsync(events);
        var letters = await Queue.ListDeadLettersAsync(Q, 10, None);
        letters.Select(l => l.Id).Distinct().Count().ShouldBe(3);
        var chosen = letters.Single(l => l.EventId == events[1].Id);

        (await Queue.RedriveAsync(Q, [chosen.Id], 100, None)).ShouldBe(1);

        (await Queue.ListDeadLettersAsync(Q, 10, None)).Select(l => l.EventId).ShouldBe([events[0].Id, events[2].Id], ignoreOrder: true);
        (await ReceiveEventuallyAsync(Q, 1)).ShouldHaveSingleItem().EventId.ShouldBe(events[1].Id);
    }

    [Fact]
    public async Task Work_that_failed_outside_a_consumer_is_a_dead_letter_that_redrives()
    {
        var failed = TestEvents.Create("EmailUndelivered");

        await WriteAsync(scope => Queue.DeadLetterNewAsync(scope, Q, failed.Id, failed.Id, failed.ToJson(), "email skipped: circuit open"));

        var letter = (await DeadLettersEventuallyAsync(1)).ShouldHaveSingleItem();
        letter.LastError.ShouldBe("email skipped: circuit open");
        (await Queue.RedriveAsync(Q, null, 100, None)).ShouldBe(1);
        (await ReceiveEventuallyAsync(Q, 1)).ShouldHaveSingleItem().EventId.ShouldBe(failed.Id);
    }

    [Fact]
    public async Task Purging_deletes_the_dead_letters_and_leaves_live_messages()
    {
        await DeadLetterAsync(TestEvents.Create("ItemCreated"), TestEvents.Create("ItemCreated"));
        var live = TestEvents.Create("ItemUpdated");
        await EnqueueAsync(Q, live);

        (await Queue.PurgeDeadLettersAsync(Q, None)).ShouldBe(2);

        (await Queue.ListDeadLettersAsync(Q, 10, None)).ShouldBeEmpty();
        (await ReceiveEventuallyAsync(Q, 1)).ShouldHaveSingleItem().EventId.ShouldBe(live.Id);
    }

    [Fact]
    public async Task Stats_count_waiting_and_dead_lettered_messages_per_queue()
    {
        await DeadLetterAsync(TestEvents.Create("ItemCreated"));
        await EnqueueAsync(Q, TestEvents.Create("ItemUpdated"), TestEvents.Create("ItemUpdated"));

        var stats = (await Queue.GetStatsAsync(None)).Single(s => s.Queue == Q);

        (stats.Visible + stats.InFlight).ShouldBe(2);
        stats.DeadLettered.ShouldBe(1);
    }

    /// <summary>Runs the handler's transaction, then settles the message as the consumer does after every transaction.</summary>
    protected async Task SettleAsync(QueueMessage message, Func<QueueMessage, Task> transaction)
    {
        try
        {
            await transaction(message);
        }
        finally
        {
            await Queue.SettleAsync([message], None);
        }
    }

    /// <summary>Lets time pass on the store's clock and on the wall clock.</summary>
    protected async Task PassAsync(TimeSpan span)
    {
        Clock.Advance(span);
        await Task.Delay(span < TimeSpan.FromSeconds(2) ? span : TimeSpan.Zero);
    }

    /// <summary>Receives until <paramref name="count"/> messages have arrived (a broker delivers a moment after the confirm).</summary>
    protected async Task<IReadOnlyList<QueueMessage>> ReceiveEventuallyAsync(string queue, int count)
    {
        var received = new List<QueueMessage>();
        var deadline = DateTime.UtcNow + Patience;
        while (received.Count < count)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, $"{count} messages did not arrive on {queue} (got {received.Count})");
            var batch = await Queue.ReceiveAsync(queue, Settings, None);
            received.AddRange(batch);
            if (batch.Count == 0)
            {
                await Task.Delay(20);
            }
        }

        return received;
    }

    /// <summary>Everything that arrives within <paramref name="span"/>.</summary>
    protected async Task<IReadOnlyList<QueueMessage>> ReceiveForAsync(string queue, TimeSpan span)
    {
        var received = new List<QueueMessage>();
        var until = DateTime.UtcNow + span;
        do
        {
            received.AddRange(await Queue.ReceiveAsync(queue, Settings, None));
            await Task.Delay(20);
        }
        while (DateTime.UtcNow < until);
        return received;
    }

    private async Task<IReadOnlyList<DeadLetter>> DeadLettersEventuallyAsync(int count)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var letters = await Queue.ListDeadLettersAsync(Q, 100, None);
            if (letters.Count >= count)
            {
                return letters;
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, $"{count} dead letters did not arrive (got {letters.Count})");
            await Task.Delay(20);
        }
    }

    private async Task DeadLetterAsync(params EventEnvelope[] events)
    {
        await EnqueueAsync(Q, events);
        var received = await ReceiveEventuallyAsync(Q, events.Length);
        await WriteAsync(async scope =>
        {
            foreach (var message in received)
            {
                await Queue.DeadLetterAsync(scope, message, "poison");
            }
        });
        await Queue.SettleAsync(received, None);
        await DeadLettersEventuallyAsync(events.Length);
    }
}
