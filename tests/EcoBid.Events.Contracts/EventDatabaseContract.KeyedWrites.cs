using System.Data.Common;
using EcoBid.Events.Envelope;
using EcoBid.Events.Storage;

namespace EcoBid.Events.Contracts;

/// <summary>
/// Writes that hold one aggregate's lock (<c>WriteAsync(lockKey, work)</c>): they take turns, each sees what the one
/// before it committed, and a store that commits several together still fails and rolls back each alone.
/// </summary>
public abstract partial class EventDatabaseContract
{
    private const string Key = "item:hot";

    [Fact]
    public async Task Writes_holding_one_key_take_turns_and_each_sees_the_one_before()
    {
        // Read, then write in a second statement: without turns, two writers would read the same amount.
        await ExecuteAsync(CreateState);
        await ExecuteAsync("INSERT INTO contract_state (id, amount) VALUES (@id, 0)", ("@id", "counter"));

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => Database.WriteAsync(Key, IncrementAsync, None))));

        answers.Order().ShouldBe(Enumerable.Range(1, 40).Select(i => (long)i));
        (await CountAsync("SELECT amount FROM contract_state WHERE id = @id", ("@id", "counter"))).ShouldBe(40);
        (await PendingAsync()).Count.ShouldBe(40);
    }

    [Fact]
    public async Task A_keyed_write_that_throws_rolls_back_alone_while_the_rest_commit()
    {
        await ExecuteAsync(CreateState);
        await ExecuteAsync("INSERT INTO contract_state (id, amount) VALUES (@id, 0)", ("@id", "counter"));
        var failed = TestEvents.Create("BidPlaced");
        var afterCommit = new List<int>();

        // Hold the key so that the writes queue up behind it: a store that groups them commits them together.
        var (holder, release) = await HoldKeyAsync();

        var writes = Enumerable.Range(0, 6).Select(i => Task.Run(() => Database.WriteAsync(Key, async scope =>
        {
            var amount = await IncrementAsync(scope);
            if (i == 3)
            {
                await scope.PublishAsync(failed);
                throw new InvalidOperationException("bid 3 is refused");
            }

            scope.OnCommitted(() =>
            {
                lock (afterCommit)
                {
                    afterCommit.Add(i);
                }
            });
            return amount;
        }, None))).ToList();
        await Task.Delay(100);
        release.SetResult();
        await holder;

        (await Should.ThrowAsync<InvalidOperationException>(() => writes[3])).Message.ShouldBe("bid 3 is refused");
        foreach (var write in writes.Where((_, i) => i != 3))
        {
            (await write).ShouldBeInRange(1, 5);
        }

        (await CountAsync("SELECT amount FROM contract_state WHERE id = @id", ("@id", "counter"))).ShouldBe(5);
        afterCommit.Order().ShouldBe([0, 1, 2, 4, 5]);
        var pending = (await PendingAsync()).Select(e => EventEnvelope.FromJson(e.EnvelopeJson).Id).ToList();
        pending.Count.ShouldBe(5);
        pending.ShouldNotContain(failed.Id);
    }

    [Fact]
    public async Task A_keyed_write_whose_statement_fails_in_the_database_does_not_spoil_the_others()
    {
        await ExecuteAsync(CreateState);
        await ExecuteAsync("INSERT INTO contract_state (id, amount) VALUES (@id, 0)", ("@id", "taken"));

        var writes = Enumerable.Range(0, 8).Select(i => Task.Run(() => Database.WriteAsync(Key, async scope =>
        {
            // Every third write inserts a row that exists: the database refuses the statement.
            await using var insert = scope.Command("INSERT INTO contract_state (id, amount) VALUES (@id, 1)", ("@id", i % 3 == 0 ? "taken" : $"row-{i}"));
            await insert.ExecuteNonQueryAsync(None);
            return i;
        }, None))).ToList();

        foreach (var (write, i) in writes.Select((w, i) => (w, i)))
        {
            if (i % 3 == 0)
            {
                await Should.ThrowAsync<DbException>(() => write);
            }
            else
            {
                (await write).ShouldBe(i);
            }
        }

        (await CountAsync("SELECT COUNT(*) FROM contract_state WHERE id LIKE 'row-%'")).ShouldBe(5);
    }

    [Fact]
    public async Task A_keyed_write_may_take_its_own_lock_again()
    {
        var now = await Database.WriteAsync(Key, async scope =>
        {
            await scope.LockAsync(Key);
            return scope.Now;
        }, None);

        now.ShouldBe(Start);
    }

    [Fact]
    public async Task A_keyed_write_cancelled_before_its_turn_does_not_run()
    {
        var (holder, release) = await HoldKeyAsync();
        using var cancel = new CancellationTokenSource();
        var ran = false;

        var cancelled = Task.Run(() => Database.WriteAsync(Key, _ =>
        {
            ran = true;
            return Task.FromResult(1);
        }, cancel.Token));
        await Task.Delay(50);
        await cancel.CancelAsync();
        release.SetResult();
        await holder;

        await Should.ThrowAsync<OperationCanceledException>(() => cancelled);
        ran.ShouldBeFalse();
    }

    [Fact]
    public async Task Keyed_writes_go_on_after_one_whose_after_commit_action_threw()
    {
        await Should.ThrowAsync<InvalidOperationException>(() => Database.WriteAsync(Key, scope =>
        {
            scope.OnCommitted(() => throw new InvalidOperationException("a wake-up failed"));
            return Task.FromResult(1);
        }, None).WaitAsync(TimeSpan.FromSeconds(10)));

        (await Database.WriteAsync(Key, _ => Task.FromResult(2), None).WaitAsync(TimeSpan.FromSeconds(10))).ShouldBe(2);
    }

    /// <summary>A plain write that takes the key and keeps it (and its transaction) until the returned source is set.</summary>
    private async Task<(Task Holder, TaskCompletionSource Release)> HoldKeyAsync()
    {
        var holding = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var holder = Database.WriteAsync(async scope =>
        {
            await scope.LockAsync(Key);
            holding.SetResult();
            await release.Task;
            return true;
        }, None);
        await holding.Task;
        return (holder, release);
    }

    private static async Task<long> IncrementAsync(IWriteScope scope)
    {
        long amount;
        await using (var read = scope.Command("SELECT amount FROM contract_state WHERE id = @id", ("@id", "counter")))
        {
            amount = Convert.ToInt64(await read.ExecuteScalarAsync(None)) + 1;
        }

        await using (var write = scope.Command("UPDATE contract_state SET amount = @amount WHERE id = @id", ("@amount", amount), ("@id", "counter")))
        {
            await write.ExecuteNonQueryAsync(None);
        }

        await scope.PublishAsync(TestEvents.Create("CounterIncremented"));
        return amount;
    }
}
