using EcoBid.Events.Queues;
using EcoBid.Events.Rules;

namespace EcoBid.Events.Sqlite.Tests;

public sealed class SqliteMessageQueueTests
{
    private static readonly QueueSettings Settings = new() { BatchSize = 2, MaxReceiveCount = 2, VisibilityTimeout = TimeSpan.FromMinutes(1) };

    [Fact]
    public async Task Dispatch_archives_enqueues_on_every_target_and_empties_the_outbox_at_once()
    {
        await using var test = await SqliteTestDatabase.CreateAsync();
        await test.EnqueueAsync(["A", "B"], "e1", "e2");

        (await test.ScalarAsync("SELECT COUNT(*) FROM outbox")).ShouldBe(0);
        (await test.ScalarAsync("SELECT COUNT(*) FROM event_archive")).ShouldBe(2);
        (await test.ScalarAsync("SELECT COUNT(*) FROM queue_messages WHERE queue = 'A'")).ShouldBe(2);
        (await test.ScalarAsync("SELECT COUNT(*) FROM queue_messages WHERE queue = 'B'")).ShouldBe(2);
    }

    [Fact]
    public async Task A_receive_takes_a_batch_in_order_counts_it_and_hides_it()
    {
        await using var test = await SqliteTestDatabase.CreateAsync();
        var queue = new SqliteMessageQueue(test.Database, test.Signals);
        await test.EnqueueAsync(["A"], "e1", "e2", "e3");

        var first = await queue.ReceiveAsync("A", Settings, CancellationToken.None);
        var second = await queue.ReceiveAsync("A", Settings, CancellationToken.None);
        var third = await queue.ReceiveAsync("A", Settings, CancellationToken.None);

        first.Select(m => m.EventId).ShouldBe(["e1", "e2"]);
        first.ShouldAllBe(m => m.ReceiveCount == 1);
        second.Select(m => m.EventId).ShouldBe(["e3"]);
        third.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_receive_in_a_write_scope_commits_with_it_or_not_at_all()
    {
        await using var test = await SqliteTestDatabase.CreateAsync();
        var queue = new SqliteMessageQueue(test.Database, test.Signals);
        await test.EnqueueAsync(["A"], "e1");

        await Should.ThrowAsync<InvalidOperationException>(() => test.Database.WriteAsync<bool>(async scope =>
        {
            (await queue.ReceiveAsync(scope, "A", Settings))!.Count.ShouldBe(1);
            throw new InvalidOperationException("rolled back");
        }));
        var received = await test.Database.WriteAsync(scope => queue.ReceiveAsync(scope, "A", Settings));

        received!.Single().ReceiveCount.ShouldBe(1);
        (await queue.ReceiveAsync("A", Settings, CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Acknowledge_deletes_release_delays_and_dead_letter_moves_to_the_dlq()
    {
        await using var test = await SqliteTestDatabase.CreateAsync();
        var queue = new SqliteMessageQueue(test.Database, test.Signals);
        await test.EnqueueAsync(["A"], "acked", "released");
        await test.EnqueueAsync(["A"], "dead");

        var batch = await queue.ReceiveAsync("A", Settings, CancellationToken.None);
        var last = await queue.ReceiveAsync("A", Settings, CancellationToken.None);
        await test.Database.WriteAsync(async scope =>
        {
            await queue.AcknowledgeAsync(scope, batch[0]);
            await queue.ReleaseAsync(scope, batch[1], TimeSpan.Zero, "try again");
            await queue.DeadLetterAsync(scope, last[0], "poison");
            return true;
        });

        (await test.ScalarAsync("SELECT COUNT(*) FROM queue_messages WHERE event_id = 'acked'")).ShouldBe(0);
        var again = await queue.ReceiveAsync("A", Settings, CancellationToken.None);
        again.Single().EventId.ShouldBe("released");
        again.Single().ReceiveCount.ShouldBe(2);
        var letters = await queue.ListDeadLettersAsync("A", 10, CancellationToken.None);
        letters.Single().EventId.ShouldBe("dead");
        letters.Single().LastError.ShouldBe("poison");
    }

    [Fact]
    public async Task A_message_received_the_maximum_number_of_times_is_dead_lettered_when_it_would_be_received_again()
    {
        await using var test = await SqliteTestDatabase.CreateAsync();
        var queue = new SqliteMessageQueue(test.Database, test.Signals);
        var settings = Settings with { VisibilityTimeout = TimeSpan.Zero };
        await test.EnqueueAsync(["A"], "crashes");

        // Received and never acknowledged (the handler's process died), until the receive limit.
        (await queue.ReceiveAsync("A", settings, CancellationToken.None)).Single().ReceiveCount.ShouldBe(1);
        (await queue.ReceiveAsync("A", settings, CancellationToken.None)).Single().ReceiveCount.ShouldBe(2);
        (await queue.ReceiveAsync("A", settings, CancellationToken.None)).ShouldBeEmpty();

        var letter = (await queue.ListDeadLettersAsync("A", 10, CancellationToken.None)).Single();
        letter.ReceiveCount.ShouldBe(2);
        letter.LastError!.ShouldContain("visibility timeout expired");
        (await queue.RedriveAsync("A", null, 10, CancellationToken.None)).ShouldBe(1);
        (await queue.ReceiveAsync("A", settings, CancellationToken.None)).Single().ReceiveCount.ShouldBe(1);
    }

    [Fact]
    public async Task A_receive_never_delivers_a_message_past_its_limit_even_beyond_the_window_it_checked()
    {
        await using var test = await SqliteTestDatabase.CreateAsync();
        var queue = new SqliteMessageQueue(test.Database, test.Signals);
        await test.EnqueueAsync(["A"], "over1", "fresh2", "over3", "fresh4");
        await test.Database.WriteAsync(async scope =>
        {
            await using var command = Storage.WriteScopeExtensions.Command(
                scope, "UPDATE queue_messages SET receive_count = 2 WHERE event_id IN ('over1', 'over3')");
            return await command.ExecuteNonQueryAsync();
        });

        // The expiry looks at the first two (over1, fresh2) and moves over1; the receive then takes fresh2 and,
        // skipping over3, fresh4. over3 is moved when it comes first in line.
        var first = await queue.ReceiveAsync("A", Settings, CancellationToken.None);
        first.Select(m => m.EventId).ShouldBe(["fresh2", "fresh4"]);
        (await queue.ListDeadLettersAsync("A", 10, CancellationToken.None)).Select(d => d.EventId).ShouldBe(["over1"]);

        (await queue.ReceiveAsync("A", Settings, CancellationToken.None)).ShouldBeEmpty();
        (await queue.ListDeadLettersAsync("A", 10, CancellationToken.None)).Select(d => d.EventId).ShouldBe(["over1", "over3"]);
    }
}
