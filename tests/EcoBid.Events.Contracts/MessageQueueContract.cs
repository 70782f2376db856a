using EcoBid.Events.Envelope;
using EcoBid.Events.Queues;
using EcoBid.Events.Rules;

namespace EcoBid.Events.Contracts;

/// <summary>
/// <see cref="IMessageQueue"/> with SQS semantics, on the manual clock: visibility timeout, receive count, release with
/// delay, dead-letter queue with redrive and purge, and the depth figures SQS reports.
/// </summary>
public abstract class MessageQueueContract : RuntimeContract
{
    private const string Q = "Index";
    private const string Other = "Moderate";

    private static readonly QueueSettings Settings = new()
    {
        VisibilityTimeout = TimeSpan.FromSeconds(30),
        BatchSize = 10,
        MaxReceiveCount = 3,
    };

    private static readonly QueueSettings OneAtATime = Settings with { BatchSize = 1 };

    [Fact]
    public async Task Receiving_from_an_empty_queue_gives_nothing()
    {
        (await ReceiveAsync(Q, Settings)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_receive_delivers_the_message_as_enqueued_and_counts_the_receive()
    {
        var created = TestEvents.Create("ItemCreated", new { itemId = "item-1" });
        await EnqueueAsync(Q, created);
        Clock.Advance(TimeSpan.FromSeconds(2));

        var message = (await ReceiveAsync(Q, Settings)).ShouldHaveSingleItem();

        message.Queue.ShouldBe(Q);
        message.EventId.ShouldBe(created.Id);
        message.MessageKey.ShouldBe(created.Id);
        message.ReceiveCount.ShouldBe(1);
        message.EnqueuedAt.ShouldBe(Start);
        EventEnvelope.FromJson(message.Body).ToJson().ShouldBe(created.ToJson());
    }

    [Fact]
    public async Task A_received_message_stays_hidden_for_the_visibility_timeout_then_is_delivered_again()
    {
        var created = TestEvents.Create("ItemCreated");
        await EnqueueAsync(Q, created);
        (await ReceiveAsync(Q, Settings)).ShouldHaveSingleItem();

        (await ReceiveAsync(Q, Settings)).ShouldBeEmpty();
        Clock.Advance(TimeSpan.FromSeconds(29));
        (await ReceiveAsync(Q, Settings)).ShouldBeEmpty();
        Clock.Advance(TimeSpan.FromSeconds(1));
        var again = (await ReceiveAsync(Q, Settings)).ShouldHaveSingleItem();

        again.EventId.ShouldBe(created.Id);
        again.ReceiveCount.ShouldBe(2);
    }

    [Fact]
    public async Task A_receive_takes_at_most_the_batch_size()
    {
        var events = Enumerable.Range(0, 5).Select(i => TestEvents.Create("BidPlaced", new { i })).ToArray();
        await EnqueueAsync(Q, events);
        var twoAtATime = Settings with { BatchSize = 2 };

        var batches = new[]
        {
            await ReceiveAsync(Q, twoAtATime),
            await ReceiveAsync(Q, twoAtATime),
            await ReceiveAsync(Q, twoAtATime),
            await ReceiveAsync(Q, twoAtATime),
        };

        batches.Select(b => b.Count).ShouldBe([2, 2, 1, 0]);
        batches.SelectMany(b => b).Select(m => m.EventId).ShouldBe(events.Select(e => e.Id), ignoreOrder: true);
    }

    [Fact]
    public async Task Messages_are_received_in_the_order_they_were_enqueued()
    {
        var events = Enumerable.Range(0, 3).Select(i => TestEvents.Create("BidPlaced", new { i })).ToArray();
        foreach (var envelope in events)
        {
            await EnqueueAsync(Q, envelope);
            Clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        var oneByOne = new List<string>();
        for (var i = 0; i < events.Length; i++)
        {
            oneByOne.Add((await ReceiveAsync(Q, OneAtATime)).ShouldHaveSingleItem().EventId);
        }

        oneByOne.ShouldBe(events.Select(e => e.Id));
    }

    [Fact]
    public async Task Acknowledging_deletes_the_message()
    {
        await EnqueueAsync(Q, TestEvents.Create("ItemCreated"));
        var message = (await ReceiveAsync(Q, Settings)).ShouldHaveSingleItem();

        await WriteAsync(scope => Queue.AcknowledgeAsync(scope, message));
        Clock.Advance(TimeSpan.FromHours(1));

        (await ReceiveAsync(Q, Settings)).ShouldBeEmpty();
        (await Queue.NextVisibleAtAsync(Q, None)).ShouldBeNull();
    }

    [Fact]
    public async Task An_acknowledgement_in_a_write_that_fails_is_undone()
    {
        await EnqueueAsync(Q, TestEvents.Create("ItemCreated"));
        var message = (await ReceiveAsync(Q, Settings)).ShouldHaveSingleItem();

        await Should.ThrowAsync<InvalidOperationException>(() => WriteAsync(async scope =>
        {
            await Queue.AcknowledgeAsync(scope, message);
            throw new InvalidOperationException("the handler's write failed");
        }));
        Clock.Advance(Settings.VisibilityTimeout);

        (await ReceiveAsync(Q, Settings)).ShouldHaveSingleItem().ReceiveCount.ShouldBe(2);
    }

    [Fact]
    public async Task Releasing_with_a_delay_hides_the_message_until_the_delay_has_passed()
    {
        await EnqueueAsync(Q, TestEvents.Create("ItemCreated"));
        var message = (await ReceiveAsync(Q, Settings)).ShouldHaveSingleItem();

        await WriteAsync(scope => Queue.ReleaseAsync(scope, message, TimeSpan.FromSeconds(10), "TimeoutException: search index slow"));

        (await Queue.NextVisibleAtAsync(Q, None)).ShouldBe(Start.AddSeconds(10));
        Clock.Advance(TimeSpan.FromSeconds(9));
        (await ReceiveAsync(Q, Settings)).ShouldBeEmpty();
        Clock.Advance(TimeSpan.FromSeconds(1));
        (await ReceiveAsync(Q, Settings)).ShouldHaveSingleItem().ReceiveCount.ShouldBe(2);
    }

    [Fact]
    public async Task Releasing_without_a_delay_makes_the_message_visible_at_once()
    {
        await EnqueueAsync(Q, TestEvents.Create("ItemCreated"));
        var message = (await ReceiveAsync(Q, Settings)).ShouldHaveSingleItem();

        await WriteAsync(scope => Queue.ReleaseAsync(scope, message, TimeSpan.Zero, "retry now"));

        (await ReceiveAsync(Q, Settings)).ShouldHaveSingleItem().ReceiveCount.ShouldBe(2);
    }

    [Fact]
    public async Task Dead_lettering_moves_the_message_to_the_dead_letter_queue_with_its_reason()
    {
        var created = TestEvents.Create("ItemCreated");
        await EnqueueAsync(Q, created);
        Clock.Advance(TimeSpan.FromSeconds(5));
        var message = (await ReceiveAsync(Q, Settings)).ShouldHaveSingleItem();
        Clock.Advance(TimeSpan.FromSeconds(1));

        await WriteAsync(scope => Queue.DeadLetterAsync(scope, message, "InvalidOperationException: the item is gone"));

        var letter = (await Queue.ListDeadLettersAsync(Q, 10, None)).ShouldHaveSingleItem();
        letter.SourceQueue.ShouldBe(Q);
        letter.EventId.ShouldBe(created.Id);
        letter.MessageKey.ShouldBe(created.Id);
        letter.ReceiveCount.ShouldBe(1);
        letter.LastError.ShouldBe("InvalidOperationException: the item is gone");
        letter.EnqueuedAt.ShouldBe(Start);
        letter.DeadLetteredAt.ShouldBe(Start.AddSeconds(6));
        letter.Body.ShouldBe(message.Body);
        Clock.Advance(TimeSpan.FromDays(1));
        (await ReceiveAsync(Q, Settings)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_late_release_from_an_earlier_receive_changes_nothing()
    {
        var (first, second) = await ReceivedTwiceAsync();

        // The first consumer's handler outlived its visibility timeout and gives up now, while the second holds it.
        await WriteAsync(scope => Queue.ReleaseAsync(scope, first, TimeSpan.Zero, "TimeoutException: too slow"));

        (await ReceiveAsync(Q, Settings)).ShouldBeEmpty();
        (await Queue.GetStatsAsync(None)).Single(s => s.Queue == Q).InFlight.ShouldBe(1);
        await WriteAsync(scope => Queue.ReleaseAsync(scope, second, TimeSpan.Zero, "retry now"));
        (await ReceiveAsync(Q, Settings)).ShouldHaveSingleItem().ReceiveCount.ShouldBe(3);
    }

    [Fact]
    public async Task A_late_dead_letter_from_an_earlier_receive_changes_nothing_and_says_so()
    {
        var (first, second) = await ReceivedTwiceAsync();

        (await WriteAsync(scope => Queue.DeadLetterAsync(scope, first, "poison"))).ShouldBeFalse();
        (await Queue.ListDeadLettersAsync(Q, 10, None)).ShouldBeEmpty();

        (await WriteAsync(scope => Queue.DeadLetterAsync(scope, second, "poison"))).ShouldBeTrue();
        (await WriteAsync(scope => Queue.DeadLetterAsync(scope, second, "poison again"))).ShouldBeFalse();
        (await Queue.ListDeadLettersAsync(Q, 10, None)).ShouldHaveSingleItem().LastError.ShouldBe("poison");
    }

    [Fact]
    public async Task A_late_acknowledgement_from_an_earlier_receive_deletes_nothing()
    {
        var (first, second) = await ReceivedTwiceAsync();

        await WriteAsync(scope => Queue.AcknowledgeAsync(scope, first));
        (await Queue.GetStatsAsync(None)).Single(s => s.Queue == Q).InFlight.ShouldBe(1, "the second receive still holds it");

        await WriteAsync(scope => Queue.AcknowledgeAsync(scope, second));
        Clock.Advance(Settings.VisibilityTimeout);
        (await ReceiveAsync(Q, Settings)).ShouldBeEmpty("the current receive's acknowledgement deleted it");
    }

    [Fact]
    public async Task A_late_acknowledgement_of_a_message_moved_to_the_dead_letters_by_expiry_leaves_the_dead_letter()
    {
        var poison = TestEvents.Create("ImageUploaded");
        await EnqueueAsync(Q, poison);
        QueueMessage? last = null;
        for (var receive = 1; receive <= Settings.MaxReceiveCount; receive++)
        {
            last = (await ReceiveAsync(Q, Settings)).ShouldHaveSingleItem();
            Clock.Advance(Settings.VisibilityTimeout);
        }

        (await ReceiveAsync(Q, Settings)).ShouldBeEmpty(); // the expiry moves it, and announces it

        // The handler of the last receive was slow, not dead: its success comes after the move.
        await WriteAsync(scope => Queue.AcknowledgeAsync(scope, last!));
        (await Queue.ListDeadLettersAsync(Q, 10, None)).ShouldHaveSingleItem().EventId.ShouldBe(poison.Id);
    }

    /// <summary>One message received, its visibility timeout passed, and received again: two receives of it, the first stale.</summary>
    private async Task<(QueueMessage First, QueueMessage Second)> ReceivedTwiceAsync()
    {
        await EnqueueAsync(Q, TestEvents.Create("ItemCreated"));
        var first = (await ReceiveAsync(Q, Settings)).ShouldHaveSingleItem();
        Clock.Advance(Settings.VisibilityTimeout);
        return (first, (await ReceiveAsync(Q, Settings)).ShouldHaveSingleItem());
    }

    [Fact]
    public async Task A_message_whose_visibility_expires_after_the_last_allowed_receive_is_dead_lettered_instead_of_delivered()
    {
        var poison = TestEvents.Create("ImageUploaded");
        await EnqueueAsync(Q, poison);
        for (var receive = 1; receive <= Settings.MaxReceiveCount; receive++)
        {
            // The handler never returns (the process dies), so the message only comes back when its visibility expires.
            (await ReceiveAsync(Q, Settings)).ShouldHaveSingleItem().ReceiveCount.ShouldBe(receive);
            Clock.Advance(Settings.VisibilityTimeout);
        }

        var healthy = TestEvents.Create("ImageUploaded");
        await EnqueueAsync(Q, healthy);

        (await ReceiveAsync(Q, Settings)).ShouldHaveSingleItem().EventId.ShouldBe(healthy.Id);
        var letter = (await Queue.ListDeadLettersAsync(Q, 10, None)).ShouldHaveSingleItem();
        letter.EventId.ShouldBe(poison.Id);
        letter.SourceQueue.ShouldBe(Q);
        letter.ReceiveCount.ShouldBe(Settings.MaxReceiveCount);
        letter.LastError.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task A_message_dead_lettered_for_expiring_is_announced_with_ErrorOccurred_in_the_same_transaction()
    {
        var poison = TestEvents.Create("ImageUploaded");
        await EnqueueAsync(Q, poison);
        (await PendingAsync()).ShouldBeEmpty();
        await ReceiveUntilExpiredAsync();

        var announced = EventEnvelope.FromJson((await PendingAsync()).ShouldHaveSingleItem().EnvelopeJson);
        announced.Source.ShouldBe(DeadLetterEvents.Source);
        announced.DetailType.ShouldBe(DeadLetterEvents.DetailType);
        announced.Detail.GetProperty("target").GetString().ShouldBe(Q);
        announced.Detail.GetProperty("eventId").GetString().ShouldBe(poison.Id);
        announced.Detail.GetProperty("detailType").GetString().ShouldBe("ImageUploaded");
        announced.Detail.GetProperty("receiveCount").GetInt32().ShouldBe(Settings.MaxReceiveCount);
        announced.Detail.GetProperty("error").GetString().ShouldNotBeNull().ShouldContain("visibility timeout expired");
        (await Queue.ListDeadLettersAsync(Q, 10, None)).ShouldHaveSingleItem().EventId.ShouldBe(poison.Id);
    }

    [Fact]
    public async Task An_expired_announcement_of_a_dead_letter_is_dead_lettered_without_another_announcement()
    {
        var poison = TestEvents.Create("ImageUploaded");
        var announcement = DeadLetterEvents.Create("Elsewhere", new QueueMessage(1, "Elsewhere", poison.Id, poison.Id, poison.ToJson(), 3, Clock.GetUtcNow()), "ImageUploaded", "boom", Clock.GetUtcNow(), null);
        await EnqueueAsync(Q, announcement);
        await ReceiveUntilExpiredAsync();

        (await PendingAsync()).ShouldBeEmpty("announcing the announcement could loop");
        (await Queue.ListDeadLettersAsync(Q, 10, None)).ShouldHaveSingleItem().EventId.ShouldBe(announcement.Id);
    }

    /// <summary>Receives the one message on <c>Q</c> up to its limit, never answering, then once more: the expiry moves it.</summary>
    private async Task ReceiveUntilExpiredAsync()
    {
        for (var receive = 1; receive <= Settings.MaxReceiveCount; receive++)
        {
            (await ReceiveAsync(Q, Settings)).ShouldHaveSingleItem();
            Clock.Advance(Settings.VisibilityTimeout);
        }

        (await ReceiveAsync(Q, Settings)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_reason_of_the_last_release_is_kept_when_the_message_is_dead_lettered_for_expiring()
    {
        await EnqueueAsync(Q, TestEvents.Create("ImageUploaded"));
        for (var receive = 1; receive < Settings.MaxReceiveCount; receive++)
        {
            var message = (await ReceiveAsync(Q, Settings)).ShouldHaveSingleItem();
            await WriteAsync(scope => Queue.ReleaseAsync(scope, message, TimeSpan.Zero, $"HttpRequestException: thumbnailer down ({receive})"));
        }

        (await ReceiveAsync(Q, Settings)).ShouldHaveSingleItem().ReceiveCount.ShouldBe(Settings.MaxReceiveCount);
        Clock.Advance(Settings.VisibilityTimeout);
        (await ReceiveAsync(Q, Settings)).ShouldBeEmpty();

        var letter = (await Queue.ListDeadLettersAsync(Q, 10, None)).ShouldHaveSingleItem();
        letter.LastError.ShouldNotBeNull().ShouldContain("HttpRequestException: thumbnailer down (2)");
    }

    [Fact]
    public async Task Redriving_all_dead_letters_returns_them_to_their_queue_with_a_fresh_receive_count()
    {
        var events = new[] { TestEvents.Create("ItemCreated"), TestEvents.Create("ItemCreated") };
        await DeadLetterAsync(events);

        var moved = await Queue.RedriveAsync(Q, null, 100, None);

        moved.ShouldBe(2);
        (await Queue.ListDeadLettersAsync(Q, 10, None)).ShouldBeEmpty();
        var again = await ReceiveAsync(Q, Settings);
        again.Select(m => m.EventId).ShouldBe(events.Select(e => e.Id), ignoreOrder: true);
        again.ShouldAllBe(m => m.ReceiveCount == 1);
    }

    [Fact]
    public async Task Work_that_failed_outside_a_consumer_is_recorded_as_a_dead_letter_and_comes_back_by_redrive()
    {
        var failed = TestEvents.Create("EmailUndelivered");

        await WriteAsync(scope => Queue.DeadLetterNewAsync(scope, Q, failed.Id, failed.Id, failed.ToJson(), "email skipped: circuit open"));

        (await ReceiveAsync(Q, Settings)).ShouldBeEmpty();
        var letter = (await Queue.ListDeadLettersAsync(Q, 10, None)).ShouldHaveSingleItem();
        letter.EventId.ShouldBe(failed.Id);
        letter.LastError.ShouldBe("email skipped: circuit open");
        letter.DeadLetteredAt.ShouldBe(Start);
        (await Queue.GetStatsAsync(None)).ShouldHaveSingleItem().DeadLettered.ShouldBe(1);

        (await Queue.RedriveAsync(Q, null, 100, None)).ShouldBe(1);
        var again = (await ReceiveAsync(Q, Settings)).ShouldHaveSingleItem();
        again.EventId.ShouldBe(failed.Id);
        EventEnvelope.FromJson(again.Body).Id.ShouldBe(failed.Id);
    }

    [Fact]
    public async Task A_redriven_message_gets_the_full_receive_limit_again()
    {
        await DeadLetterAsync(TestEvents.Create("ItemCreated"));
        await Queue.RedriveAsync(Q, null, 100, None);

        for (var receive = 1; receive <= Settings.MaxReceiveCount; receive++)
        {
            (await ReceiveAsync(Q, Settings)).ShouldHaveSingleItem().ReceiveCount.ShouldBe(receive);
            Clock.Advance(Settings.VisibilityTimeout);
        }

        (await ReceiveAsync(Q, Settings)).ShouldBeEmpty();
        (await Queue.ListDeadLettersAsync(Q, 10, None)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Redriving_by_id_moves_only_the_named_dead_letters()
    {
        var events = Enumerable.Range(0, 3).Select(i => TestEvents.Create("ItemCreated", new { i })).ToArray();
        await DeadLetterAsync(events);
        var letters = await Queue.ListDeadLettersAsync(Q, 10, None);
        var chosen = letters.Single(l => l.EventId == events[1].Id);

        var moved = await Queue.RedriveAsync(Q, [chosen.Id], 100, None);

        moved.ShouldBe(1);
        (await Queue.ListDeadLettersAsync(Q, 10, None)).Select(l => l.EventId).ShouldBe([events[0].Id, events[2].Id], ignoreOrder: true);
        (await ReceiveAsync(Q, Settings)).ShouldHaveSingleItem().EventId.ShouldBe(events[1].Id);
    }

    [Fact]
    public async Task Redriving_moves_at_most_max_dead_letters()
    {
        await DeadLetterAsync([.. Enumerable.Range(0, 3).Select(i => TestEvents.Create("ItemCreated", new { i }))]);

        var moved = await Queue.RedriveAsync(Q, null, 2, None);

        moved.ShouldBe(2);
        (await Queue.ListDeadLettersAsync(Q, 10, None)).Count.ShouldBe(1);
        (await ReceiveAsync(Q, Settings)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Redriving_an_empty_id_list_moves_nothing()
    {
        await DeadLetterAsync(TestEvents.Create("ItemCreated"));

        (await Queue.RedriveAsync(Q, [], 100, None)).ShouldBe(0);

        (await Queue.ListDeadLettersAsync(Q, 10, None)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Listing_dead_letters_takes_at_most_max()
    {
        await DeadLetterAsync([.. Enumerable.Range(0, 3).Select(i => TestEvents.Create("ItemCreated", new { i }))]);

        (await Queue.ListDeadLettersAsync(Q, 2, None)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Purging_deletes_the_queues_dead_letters_and_nothing_else()
    {
        await DeadLetterAsync(TestEvents.Create("ItemCreated"), TestEvents.Create("ItemCreated"));
        await DeadLetterAsync(Other, TestEvents.Create("ItemCreated"));
        var live = TestEvents.Create("ItemUpdated");
        await EnqueueAsync(Q, live);

        var purged = await Queue.PurgeDeadLettersAsync(Q, None);

        purged.ShouldBe(2);
        (await Queue.ListDeadLettersAsync(Q, 10, None)).ShouldBeEmpty();
        (await Queue.ListDeadLettersAsync(Other, 10, None)).ShouldHaveSingleItem();
        (await ReceiveAsync(Q, Settings)).ShouldHaveSingleItem().EventId.ShouldBe(live.Id);
        (await Queue.RedriveAsync(Q, null, 100, None)).ShouldBe(0);
    }

    [Fact]
    public async Task Stats_count_visible_in_flight_delayed_and_dead_lettered_messages_and_the_oldest()
    {
        var events = Enumerable.Range(0, 5).Select(i => TestEvents.Create("BidPlaced", new { i })).ToArray();
        await EnqueueAsync(Q, events);
        Clock.Advance(TimeSpan.FromSeconds(10));
        var received = await ReceiveAsync(Q, Settings with { BatchSize = 3 });
        await WriteAsync(async scope =>
        {
            await Queue.ReleaseAsync(scope, received[1], TimeSpan.FromMinutes(1), "retry later");
            await Queue.DeadLetterAsync(scope, received[2], "poison");
        });

        var stats = (await Queue.GetStatsAsync(None)).Single(s => s.Queue == Q);

        stats.Visible.ShouldBe(2);
        stats.InFlight.ShouldBe(1);
        stats.Delayed.ShouldBe(1);
        stats.DeadLettered.ShouldBe(1);
        stats.OldestEnqueuedAt.ShouldBe(Start);
        (Clock.GetUtcNow() - stats.OldestEnqueuedAt!.Value).ShouldBe(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_message_whose_visibility_expired_counts_as_visible()
    {
        await EnqueueAsync(Q, TestEvents.Create("BidPlaced"));
        await ReceiveAsync(Q, Settings);

        Clock.Advance(Settings.VisibilityTimeout);

        var stats = (await Queue.GetStatsAsync(None)).Single(s => s.Queue == Q);
        stats.Visible.ShouldBe(1);
        stats.InFlight.ShouldBe(0);
    }

    [Fact]
    public async Task The_oldest_message_counts_live_messages_only()
    {
        var old = TestEvents.Create("BidPlaced");
        await DeadLetterAsync(old);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await EnqueueAsync(Q, TestEvents.Create("BidPlaced"));

        var stats = (await Queue.GetStatsAsync(None)).Single(s => s.Queue == Q);

        stats.OldestEnqueuedAt.ShouldBe(Start.AddMinutes(1));
        stats.DeadLettered.ShouldBe(1);
        stats.Visible.ShouldBe(1);
    }

    [Fact]
    public async Task An_empty_queue_has_no_next_visible_time()
    {
        (await Queue.NextVisibleAtAsync(Q, None)).ShouldBeNull();
    }

    [Fact]
    public async Task The_next_visible_time_is_when_the_earliest_hidden_message_reappears()
    {
        await EnqueueAsync(Q, TestEvents.Create("BidPlaced"), TestEvents.Create("BidPlaced"));
        var received = await ReceiveAsync(Q, Settings);
        (await Queue.NextVisibleAtAsync(Q, None)).ShouldBe(Start + Settings.VisibilityTimeout);

        await WriteAsync(scope => Queue.ReleaseAsync(scope, received[1], TimeSpan.FromSeconds(5), "retry soon"));

        (await Queue.NextVisibleAtAsync(Q, None)).ShouldBe(Start.AddSeconds(5));
    }

    [Fact]
    public async Task Dead_letters_have_no_next_visible_time()
    {
        await DeadLetterAsync(TestEvents.Create("BidPlaced"));

        (await Queue.NextVisibleAtAsync(Q, None)).ShouldBeNull();
    }

    [Fact]
    public async Task Queues_are_isolated_from_each_other()
    {
        var forIndex = TestEvents.Create("ItemCreated");
        var forModerate = TestEvents.Create("ItemCreated");
        await EnqueueAsync(Q, forIndex);
        await EnqueueAsync(Other, forModerate);

        var fromIndex = (await ReceiveAsync(Q, Settings)).ShouldHaveSingleItem();
        fromIndex.EventId.ShouldBe(forIndex.Id);
        await WriteAsync(scope => Queue.DeadLetterAsync(scope, fromIndex, "poison"));

        (await Queue.ListDeadLettersAsync(Other, 10, None)).ShouldBeEmpty();
        (await Queue.RedriveAsync(Other, null, 100, None)).ShouldBe(0);
        (await Queue.PurgeDeadLettersAsync(Other, None)).ShouldBe(0);
        (await Queue.ListDeadLettersAsync(Q, 10, None)).ShouldHaveSingleItem();
        (await Queue.NextVisibleAtAsync(Q, None)).ShouldBeNull();
        var stats = await Queue.GetStatsAsync(None);
        stats.Single(s => s.Queue == Q).ShouldSatisfyAllConditions(s => s.Visible.ShouldBe(0), s => s.DeadLettered.ShouldBe(1));
        stats.Single(s => s.Queue == Other).ShouldSatisfyAllConditions(s => s.Visible.ShouldBe(1), s => s.DeadLettered.ShouldBe(0));
        (await ReceiveAsync(Other, Settings)).ShouldHaveSingleItem().EventId.ShouldBe(forModerate.Id);
    }

    [Fact]
    public async Task One_event_on_two_queues_is_two_independent_messages()
    {
        var created = TestEvents.Create("ItemCreated");
        await EnqueueAsync([Q, Other], created);

        var fromIndex = (await ReceiveAsync(Q, Settings)).ShouldHaveSingleItem();
        await WriteAsync(scope => Queue.AcknowledgeAsync(scope, fromIndex));

        (await ReceiveAsync(Other, Settings)).ShouldHaveSingleItem().EventId.ShouldBe(created.Id);
    }

    private Task DeadLetterAsync(params EventEnvelope[] events) => DeadLetterAsync(Q, events);

    private async Task DeadLetterAsync(string queue, params EventEnvelope[] events)
    {
        await EnqueueAsync(queue, events);
        var received = await ReceiveAsync(queue, Settings with { BatchSize = events.Length });
        received.Count.ShouldBe(events.Length);
        await WriteAsync(async scope =>
        {
            foreach (var message in received)
            {
                await Queue.DeadLetterAsync(scope, message, "poison");
            }
        });
    }
}
