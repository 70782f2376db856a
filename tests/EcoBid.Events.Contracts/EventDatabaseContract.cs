using EcoBid.Events.Envelope;
using EcoBid.Events.Storage;

namespace EcoBid.Events.Contracts;

/// <summary>
/// <see cref="IEventDatabase"/>: a write is one transaction in which state and published events commit together or
/// not at all (invariant 1), and the outbox keeps commit order.
/// </summary>
public abstract partial class EventDatabaseContract : RuntimeContract
{
    private const string CreateState = "CREATE TABLE contract_state (id TEXT PRIMARY KEY, amount INTEGER NOT NULL)";

    [Fact]
    public async Task A_write_commits_its_state_and_its_published_event_together()
    {
        await ExecuteAsync(CreateState);
        var created = TestEvents.Create("ItemCreated", new { itemId = "item-1" });

        await WriteAsync(async scope =>
        {
            await using var insert = scope.Command("INSERT INTO contract_state (id, amount) VALUES (@id, 1)", ("@id", "item-1"));
            await insert.ExecuteNonQueryAsync(None);
            await scope.PublishAsync(created);
        });

        (await CountAsync("SELECT COUNT(*) FROM contract_state WHERE id = @id", ("@id", "item-1"))).ShouldBe(1);
        var pending = await PendingAsync();
        pending.Count.ShouldBe(1);
        EventEnvelope.FromJson(pending[0].EnvelopeJson).Id.ShouldBe(created.Id);
    }

    [Fact]
    public async Task Work_that_throws_after_publishing_leaves_neither_state_nor_event()
    {
        await ExecuteAsync(CreateState);

        var thrown = await Should.ThrowAsync<InvalidOperationException>(() => WriteAsync(async scope =>
        {
            await using var insert = scope.Command("INSERT INTO contract_state (id, amount) VALUES (@id, 1)", ("@id", "item-1"));
            await insert.ExecuteNonQueryAsync(None);
            await scope.PublishAsync(TestEvents.Create("ItemCreated"));
            throw new InvalidOperationException("the reservation conflicts");
        }));

        thrown.Message.ShouldBe("the reservation conflicts");
        (await CountAsync("SELECT COUNT(*) FROM contract_state")).ShouldBe(0);
        (await PendingAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_database_is_usable_after_a_write_that_threw()
    {
        await ExecuteAsync(CreateState);
        await Should.ThrowAsync<InvalidOperationException>(() => WriteAsync(_ => throw new InvalidOperationException("no")));

        await ExecuteAsync("INSERT INTO contract_state (id, amount) VALUES (@id, 1)", ("@id", "item-1"));

        (await CountAsync("SELECT COUNT(*) FROM contract_state")).ShouldBe(1);
    }

    [Fact]
    public async Task Events_reach_the_outbox_in_commit_order_with_increasing_sequences()
    {
        var first = TestEvents.Create("ItemCreated");
        var second = TestEvents.Create("ItemUpdated");
        var third = TestEvents.Create("ItemDeleted");

        await PublishAsync(first, second);
        await PublishAsync(third);

        var pending = await PendingAsync();
        pending.Select(e => EventEnvelope.FromJson(e.EnvelopeJson).Id).ShouldBe([first.Id, second.Id, third.Id]);
        pending.Select(e => e.Sequence).ShouldBeInOrder(SortDirection.Ascending);
        pending.Select(e => e.Sequence).Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public async Task A_published_envelope_reaches_the_outbox_unchanged()
    {
        var envelope = TestEvents.Create("BidPlaced", new { auctionId = "a-1", amount = 12.5 }) with
        {
            CorrelationId = "corr-1",
            TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            Resources = ["item/a-1"],
        };

        await PublishAsync(envelope);

        var stored = EventEnvelope.FromJson((await PendingAsync()).Single().EnvelopeJson);
        stored.ToJson().ShouldBe(envelope.ToJson());
    }

    [Fact]
    public async Task A_write_returns_what_its_work_returns()
    {
        var result = await Database.WriteAsync(_ => Task.FromResult(42), None);

        result.ShouldBe(42);
    }

    [Fact]
    public async Task The_scope_reads_the_clock_when_the_transaction_begins()
    {
        Clock.Advance(TimeSpan.FromMinutes(5));

        var now = await Database.WriteAsync(scope => Task.FromResult(scope.Now), None);

        now.ShouldBe(Start.AddMinutes(5));
    }

    [Fact]
    public async Task A_read_does_not_see_a_write_that_has_not_committed()
    {
        await ExecuteAsync(CreateState);

        var seenInside = await Database.WriteAsync(async scope =>
        {
            await using var insert = scope.Command("INSERT INTO contract_state (id, amount) VALUES (@id, 1)", ("@id", "item-1"));
            await insert.ExecuteNonQueryAsync(None);
            return await CountAsync("SELECT COUNT(*) FROM contract_state");
        }, None);

        seenInside.ShouldBe(0);
        (await CountAsync("SELECT COUNT(*) FROM contract_state")).ShouldBe(1);
    }

    [Fact]
    public async Task Concurrent_writes_all_commit_with_their_events()
    {
        // The increment is a single statement, so this holds at any isolation level an adapter chooses.
        await ExecuteAsync(CreateState);
        await ExecuteAsync("INSERT INTO contract_state (id, amount) VALUES (@id, 0)", ("@id", "counter"));

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => WriteAsync(async scope =>
        {
            await using var write = scope.Command("UPDATE contract_state SET amount = amount + 1 WHERE id = @id", ("@id", "counter"));
            await write.ExecuteNonQueryAsync(None);
            await scope.PublishAsync(TestEvents.Create("CounterIncremented"));
        }))));

        (await CountAsync("SELECT amount FROM contract_state WHERE id = @id", ("@id", "counter"))).ShouldBe(20);
        (await PendingAsync()).Count.ShouldBe(20);
    }

    [Fact]
    public async Task Rolling_back_to_a_savepoint_undoes_only_the_state_and_events_written_after_it()
    {
        await ExecuteAsync(CreateState);
        var kept = TestEvents.Create("ItemCreated");
        var undone = TestEvents.Create("ItemCreated");

        await WriteAsync(async scope =>
        {
            await using (var first = scope.Command("INSERT INTO contract_state (id, amount) VALUES (@id, 1)", ("@id", "kept")))
            {
                await first.ExecuteNonQueryAsync(None);
            }

            await scope.PublishAsync(kept);
            await scope.Transaction.SaveAsync("message", None);
            await using (var second = scope.Command("INSERT INTO contract_state (id, amount) VALUES (@id, 1)", ("@id", "undone")))
            {
                await second.ExecuteNonQueryAsync(None);
            }

            await scope.PublishAsync(undone);
            await scope.Transaction.RollbackAsync("message", None);
            await scope.Transaction.ReleaseAsync("message", None);
        });

        (await CountAsync("SELECT COUNT(*) FROM contract_state WHERE id = @id", ("@id", "kept"))).ShouldBe(1);
        (await CountAsync("SELECT COUNT(*) FROM contract_state WHERE id = @id", ("@id", "undone"))).ShouldBe(0);
        (await PendingAsync()).Select(e => EventEnvelope.FromJson(e.EnvelopeJson).Id).ShouldBe([kept.Id]);
    }
}
