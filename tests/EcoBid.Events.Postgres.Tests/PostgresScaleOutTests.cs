using EcoBid.Events.Contracts;
using EcoBid.Events.Envelope;
using EcoBid.Events.Monitoring;
using EcoBid.Events.Outbox;
using EcoBid.Events.Rules;
using EcoBid.Events.Timers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EcoBid.Events.Postgres.Tests;

/// <summary>
/// Several processes on one database (each a store of its own: data source, lease, signals): the outbox is relayed by
/// one of them at a time, in commit order per aggregate, with nothing dispatched twice; due timers are taken once.
/// </summary>
public sealed class PostgresScaleOutTests : TwoProcesses
{
    private static readonly RuleSet Rules = RuleSetLoader.Parse("""
        {
          "targets": { "Index": { "batchSize": 1000 } },
          "rules": [ { "name": "All", "eventPattern": { "source": ["ecobid.tests"] }, "targets": ["Index"] } ]
        }
        """);

    [Fact]
    public async Task A_writer_that_waited_for_an_aggregate_lock_stamps_its_change_no_earlier_than_the_lock()
    {
        var holding = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var first = First.Database.WriteAsync(async scope =>
        {
            await scope.LockAsync("item:1");
            holding.SetResult();
            await release.Task;
            return scope.Now;
        });
        await holding.Task;

        var began = new TaskCompletionSource<DateTimeOffset>();
        var second = Second.Database.WriteAsync(async scope =>
        {
            began.SetResult(scope.Now);
            await scope.LockAsync("item:1");
            return scope.Now;
        });
        var secondBegan = await began.Task;
        Clock.Advance(TimeSpan.FromSeconds(5)); // the first holds the lock this long
        release.SetResult();

        var firstNow = await first;
        var secondNow = await second;
        secondBegan.ShouldBe(firstNow);
        secondNow.ShouldBe(firstNow + TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_lock_nobody_holds_leaves_the_time_as_it_was_when_theClock_stands_still()
    {
        var (before, after) = await First.Database.WriteAsync(async scope =>
        {
            var at = scope.Now;
            await scope.LockAsync("item:2");
            return (at, scope.Now);
        });
        after.ShouldBe(before);
    }

    [Fact]
    public async Task Only_one_process_relays_at_a_time_and_the_other_takes_over_when_it_goes()
    {
        await PublishAsync(First, TestEvents.Create("ItemCreated"));

        (await First.Outbox.ReadPendingAsync(10, CancellationToken.None)).ShouldHaveSingleItem();
        (await Second.Outbox.ReadPendingAsync(10, CancellationToken.None)).ShouldBeEmpty();
        First.Lease.IsHeld.ShouldBeTrue();
        Second.Lease.IsHeld.ShouldBeFalse();

        await First.Lease.DisposeAsync();

        (await Second.Outbox.ReadPendingAsync(10, CancellationToken.None)).ShouldHaveSingleItem();
        Second.Lease.IsHeld.ShouldBeTrue();
    }

    [Fact]
    public async Task Relays_in_two_processes_dispatch_every_event_once_in_commit_order_per_aggregate()
    {
        const int aggregates = 8;
        const int perAggregate = 25;

        // Each aggregate's events commit one after another (as row locks on the aggregate would make them), from
        // alternating processes, while both processes relay as fast as they can.
        using var stop = new CancellationTokenSource();
        var relays = new[] { RelayLoopAsync(First, stop.Token), RelayLoopAsync(Second, stop.Token) };
        var published = await Task.WhenAll(Enumerable.Range(0, aggregates).Select(a => Task.Run(async () =>
        {
            var ids = new List<string>();
            for (var n = 0; n < perAggregate; n++)
            {
                var envelope = TestEvents.Create("BidPlaced", new { aggregate = a, n });
                await PublishAsync(n % 2 == 0 ? First : Second, envelope);
                ids.Add(envelope.Id);
            }

            return ids;
        })));

        await WaitUntilAsync(async () => (await First.Postgres.ReadAsync(c => Count(c, "SELECT COUNT(*) FROM outbox"))) == 0);
        await stop.CancelAsync();
        await Task.WhenAll(relays);

        var received = await First.Queue.ReceiveAsync("Index", Rules.Targets["Index"].Queue with { BatchSize = 1000 }, CancellationToken.None);
        received.Select(m => m.EventId).ShouldBe(published.SelectMany(ids => ids), ignoreOrder: true);
        foreach (var ids in published)
        {
            received.Select(m => m.EventId).Where(ids.Contains).ShouldBe(ids);
        }
    }

    [Fact]
    public async Task Due_timers_taken_by_two_workers_at_once_are_each_taken_once()
    {
        var keys = Enumerable.Range(0, 200).Select(i => $"listing-expiry:{i}").ToList();
        await First.Postgres.WriteAsync(async scope =>
        {
            foreach (var key in keys)
            {
                await First.Timers.ScheduleAsync(scope, new ScheduledTimer(key, Clock.GetUtcNow(), TestEvents.Create("ListingExpired").ToJson()));
            }

            return true;
        });

        var taken = await Task.WhenAll(new[] { First, Second }.Select(store => Task.Run(async () =>
        {
            var mine = new List<string>();
            while (true)
            {
                var batch = await store.Postgres.WriteAsync(scope => store.Timers.TakeDueAsync(scope, scope.Now, 7));
                if (batch.Count == 0)
                {
                    return mine;
                }

                mine.AddRange(batch.Select(t => t.Key));
            }
        })));

        taken.SelectMany(k => k).ShouldBe(keys, ignoreOrder: true);
        (await First.Timers.ListAsync(10, CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_moved_timer_fires_at_its_new_time_and_a_cancelled_one_never()
    {
        var now = Clock.GetUtcNow();
        await First.Postgres.WriteAsync(async scope =>
        {
            await First.Timers.ScheduleAsync(scope, new ScheduledTimer("auction-end:1", now.AddMinutes(5), "{}"));
            await First.Timers.ScheduleAsync(scope, new ScheduledTimer("auction-end:1", now.AddMinutes(7), "{}"));
            await First.Timers.ScheduleAsync(scope, new ScheduledTimer("reservation-expiry:2", now.AddMinutes(1), "{}"));
            return await First.Timers.CancelAsync(scope, "reservation-expiry:2");
        });

        (await Second.Timers.NextDueAtAsync(CancellationToken.None)).ShouldBe(now.AddMinutes(7));
        (await Second.Postgres.WriteAsync(scope => Second.Timers.TakeDueAsync(scope, now.AddMinutes(6), 10))).ShouldBeEmpty();
        (await Second.Postgres.WriteAsync(scope => Second.Timers.TakeDueAsync(scope, now.AddMinutes(7), 10))).ShouldHaveSingleItem().Key.ShouldBe("auction-end:1");
    }

    private static Task PublishAsync(PostgresRuntimeStore store, EventEnvelope envelope) =>
        store.Postgres.WriteAsync(async scope =>
        {
            await scope.PublishAsync(envelope);
            return true;
        });

    private static async Task RelayLoopAsync(PostgresRuntimeStore store, CancellationToken stop)
    {
        using var monitor = new RuntimeMonitor();
        using var relay = new OutboxRelay(
            store.Outbox, Rules, store.Signals, monitor, TimeProvider.System, Options.Create(new RuntimeOptions { RelayBatchSize = 16 }), NullLogger<OutboxRelay>.Instance);
        while (!stop.IsCancellationRequested)
        {
            if (await relay.RelayOnceAsync(CancellationToken.None) == 0)
            {
                await Task.Delay(5, CancellationToken.None);
            }
        }
    }

    private static async Task<long> Count(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the condition did not hold within 30 s");
            await Task.Delay(20);
        }
    }
}
