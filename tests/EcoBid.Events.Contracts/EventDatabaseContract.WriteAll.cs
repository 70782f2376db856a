using System.Data.Common;
using EcoBid.Events.Envelope;
using EcoBid.Events.Storage;

namespace EcoBid.Events.Contracts;

/// <summary>
/// <see cref="IWriteScope.WriteAllAsync"/>: writes sent together (one round trip where the store has them) run in
/// order, their events follow the ones already published, and a write the database refuses fails the call and, with
/// it, the transaction, leaving neither state nor events; in a keyed group it fails that caller alone.
/// </summary>
public abstract partial class EventDatabaseContract
{
    private static readonly SqlWrite InsertFirst = new("INSERT INTO contract_state (id, amount) VALUES (@id, @amount)", ("@id", "first"), ("@amount", 1L));

    [Fact]
    public async Task Writes_sent_together_run_in_order_and_commit_with_their_events()
    {
        await ExecuteAsync(CreateState);
        var before = TestEvents.Create("AuctionExtended");
        var placed = TestEvents.Create("BidPlaced");
        var extended = TestEvents.Create("AuctionExtended");

        await WriteAsync(async scope =>
        {
            await scope.PublishAsync(before);
            await scope.WriteAllAsync(
                [
                    InsertFirst,
                    // Each statement sees the one before it: the update finds the row, the second insert copies its amount.
                    new SqlWrite("UPDATE contract_state SET amount = amount + @step WHERE id = @id", ("@step", 41L), ("@id", "first")),
                    new SqlWrite("INSERT INTO contract_state (id, amount) SELECT @id, amount FROM contract_state WHERE id = @from", ("@id", "second"), ("@from", "first")),
                ],
                [placed, extended]);
        });

        (await CountAsync("SELECT amount FROM contract_state WHERE id = @id", ("@id", "second"))).ShouldBe(42);
        (await PendingAsync()).Select(e => EventEnvelope.FromJson(e.EnvelopeJson).Id).ShouldBe([before.Id, placed.Id, extended.Id]);
    }

    [Fact]
    public async Task A_refused_write_among_writes_sent_together_leaves_neither_state_nor_events()
    {
        await ExecuteAsync(CreateState);

        await Should.ThrowAsync<DbException>(() => WriteAsync(scope => scope.WriteAllAsync(
            [InsertFirst, new SqlWrite("INSERT INTO contract_state (id, amount) VALUES (@id, 2)", ("@id", "first"))],
            [TestEvents.Create("BidPlaced")])));

        (await CountAsync("SELECT COUNT(*) FROM contract_state")).ShouldBe(0);
        (await PendingAsync()).ShouldBeEmpty();
        await WriteAsync(scope => scope.WriteAllAsync([InsertFirst], []));
        (await CountAsync("SELECT COUNT(*) FROM contract_state")).ShouldBe(1);
    }

    [Fact]
    public async Task A_keyed_write_whose_writes_sent_together_are_refused_fails_alone()
    {
        await ExecuteAsync(CreateState);
        await ExecuteAsync(InsertFirst.Sql, InsertFirst.Parameters);
        var (holder, release) = await HoldKeyAsync();

        // Queued behind the held key, so a store that groups keyed writes runs all four in one transaction.
        var writes = Enumerable.Range(0, 4).Select(i => Task.Run(() => Database.WriteAsync(Key, async scope =>
        {
            var id = i == 2 ? "first" : $"row-{i}";
            await scope.WriteAllAsync([new SqlWrite("INSERT INTO contract_state (id, amount) VALUES (@id, 1)", ("@id", id))], [TestEvents.Create("BidPlaced", new { i })]);
            return i;
        }, None))).ToList();
        await Task.Delay(100);
        release.SetResult();
        await holder;

        await Should.ThrowAsync<DbException>(() => writes[2]);
        foreach (var i in new[] { 0, 1, 3 })
        {
            (await writes[i]).ShouldBe(i);
        }

        (await CountAsync("SELECT COUNT(*) FROM contract_state WHERE id LIKE 'row-%'")).ShouldBe(3);
        (await PendingAsync()).Count.ShouldBe(3);
    }
}
