using EcoBid.Events.Contracts;

namespace EcoBid.Events.Postgres.Tests;

/// <summary>
/// Group commit of writes that hold one key: several callers share a transaction under PostgreSQL's own lock, which a
/// second process (a store of its own on the same schema) still has to wait for.
/// </summary>
public sealed class PostgresGroupedWriteTests : TwoProcesses
{
    private const string Key = "item:hot";

    [Fact]
    public async Task Writes_that_queue_behind_the_key_commit_together()
    {
        var release = await HoldFromSecondProcessAsync();

        var writes = Enumerable.Range(0, 10).Select(i => First.Postgres.WriteAsync(Key, _ => Task.FromResult(i))).ToList();
        await Task.Delay(100);
        writes.ShouldAllBe(w => !w.IsCompleted);
        release.SetResult();

        (await Task.WhenAll(writes)).ShouldBe(Enumerable.Range(0, 10));
        var (transactions, grouped) = First.Postgres.GroupedCommits;
        grouped.ShouldBe(10);
        transactions.ShouldBeLessThanOrEqualTo(2); // the first may have started alone before the rest queued
    }

    [Fact]
    public async Task A_group_holds_the_key_against_another_process_until_it_commits()
    {
        var inside = new TaskCompletionSource();
        var finish = new TaskCompletionSource();
        var grouped = First.Postgres.WriteAsync(Key, async _ =>
        {
            inside.SetResult();
            await finish.Task;
            return true;
        });
        await inside.Task;

        var other = Second.Postgres.WriteAsync(async scope =>
        {
            await scope.LockAsync(Key);
            return true;
        });
        (await Task.WhenAny(other, Task.Delay(300))).ShouldNotBe(other);
        finish.SetResult();

        (await grouped).ShouldBeTrue();
        (await other.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBeTrue();
    }

    [Fact]
    public async Task A_grouped_write_may_not_take_another_lock_and_fails_alone_when_it_tries()
    {
        var release = await HoldFromSecondProcessAsync();
        var refused = First.Postgres.WriteAsync(Key, async scope =>
        {
            await scope.LockAsync("user:someone");
            return 1;
        });
        var kept = First.Postgres.WriteAsync(Key, _ => Task.FromResult(2));
        release.SetResult();

        (await Should.ThrowAsync<InvalidOperationException>(() => refused)).Message.ShouldContain("user:someone");
        (await kept).ShouldBe(2);
    }

    [Fact]
    public async Task A_grouped_write_reads_theClock_after_the_lock_is_taken()
    {
        var release = await HoldFromSecondProcessAsync();
        var stamped = First.Postgres.WriteAsync(Key, scope => Task.FromResult(scope.Now));
        Clock.Advance(TimeSpan.FromSeconds(5));
        release.SetResult();

        (await stamped).ShouldBe(new DateTimeOffset(2030, 3, 1, 9, 0, 5, TimeSpan.Zero));
    }

    [Fact]
    public async Task Keys_are_forgotten_once_their_writes_are_done()
    {
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => First.Postgres.WriteAsync($"item:{i}", _ => Task.FromResult(i))));

        // A runner forgets its key when it finds the queue empty, just after answering its last caller.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (First.Postgres.QueuedKeys > 0 && waited.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(10);
        }

        First.Postgres.QueuedKeys.ShouldBe(0);
    }

    /// <summary>Takes the key in the second process and keeps it until the returned source is set.</summary>
    private async Task<TaskCompletionSource> HoldFromSecondProcessAsync()
    {
        var holding = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        _ = Second.Postgres.WriteAsync(async scope =>
        {
            await scope.LockAsync(Key);
            holding.SetResult();
            await release.Task;
            return true;
        });
        await holding.Task;
        return release;
    }
}
