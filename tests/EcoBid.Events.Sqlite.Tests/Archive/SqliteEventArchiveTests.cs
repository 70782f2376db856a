using EcoBid.Events.Archive;
using EcoBid.Events.Sqlite.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EcoBid.Events.Sqlite.Tests.Archive;

public sealed class SqliteEventArchiveTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly RuntimeFile _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task A_range_is_read_in_event_time_order_from_inclusive_to_exclusive()
    {
        var node = await _file.ConnectAsync();

        // Archived out of time order, as a slow transaction's event can be dispatched after a later one.
        await node.ArchiveAsync(
            RuntimeNode.Event("e3", T0.AddSeconds(3)),
            RuntimeNode.Event("e0", T0),
            RuntimeNode.Event("e5", T0.AddSeconds(5)),
            RuntimeNode.Event("e1", T0.AddSeconds(1)),
            RuntimeNode.Event("before", T0.AddMilliseconds(-1)));

        var read = await node.Archive.ReadAsync(new EventTimeRange(T0, T0.AddSeconds(5)), null, 100, CancellationToken.None);

        read.Select(e => e.EventId).ShouldBe(["e0", "e1", "e3"]);
        read[0].Position.Time.ShouldBe(T0);
        read[0].EnvelopeJson.ShouldContain("\"id\":\"e0\"");
        (await node.Archive.CountAsync(new EventTimeRange(T0, T0.AddSeconds(5)), CancellationToken.None)).ShouldBe(3);
        (await node.Archive.CountAsync(new EventTimeRange(T0.AddDays(-1), T0.AddDays(1)), CancellationToken.None)).ShouldBe(5);
    }

    [Fact]
    public async Task Keyset_paging_returns_every_event_once_even_when_many_share_a_millisecond()
    {
        var node = await _file.ConnectAsync();
        var events = Enumerable.Range(0, 23).Select(i => RuntimeNode.Event($"e{i:D2}", T0.AddMilliseconds(i / 5))).ToArray();
        await node.ArchiveAsync(events);
        var range = new EventTimeRange(T0, T0.AddMinutes(1));

        var seen = new List<string>();
        ArchivePosition? after = null;
        while (true)
        {
            var page = await node.Archive.ReadAsync(range, after, 4, CancellationToken.None);
            seen.AddRange(page.Select(e => e.EventId));
            if (page.Count < 4)
            {
                break;
            }

            after = page[^1].Position;
        }

        seen.ShouldBe(events.Select(e => e.Id).ToList());
    }

    [Fact]
    public async Task Retention_prunes_events_older_than_the_retention_period_by_event_time_in_the_callers_transaction()
    {
        var now = new FakeTimeProvider(T0);
        var node = await _file.ConnectAsync(now);

        var old = Enumerable.Range(0, 12_001).Select(i => RuntimeNode.Event($"old{i}", T0.AddDays(-31).AddSeconds(i % 100)));
        var kept = new[] { RuntimeNode.Event("day-29", T0.AddDays(-29)), RuntimeNode.Event("today", T0), RuntimeNode.Event("edge", T0.AddDays(-30)) };
        await node.ArchiveAsync([.. old, .. kept]);

        var retention = new ArchiveRetention(node.Archive, Options.Create(new ArchiveOptions { RetentionDays = 30 }));
        (await node.Database.WriteAsync(retention.PruneExpiredAsync)).ShouldBe(12_001);

        (await node.ArchivedCountAsync()).ShouldBe(3);
        (await node.Database.WriteAsync(retention.PruneExpiredAsync)).ShouldBe(0);
    }

    [Fact]
    public async Task Retention_of_0_days_keeps_events_forever()
    {
        var now = new FakeTimeProvider(T0);
        var node = await _file.ConnectAsync(now);
        await node.ArchiveAsync(RuntimeNode.Event("ancient", T0.AddYears(-10)), RuntimeNode.Event("today", T0));

        var retention = new ArchiveRetention(node.Archive, Options.Create(new ArchiveOptions()));

        (await node.Database.WriteAsync(retention.PruneExpiredAsync)).ShouldBe(0);
        (await node.ArchivedCountAsync()).ShouldBe(2);
    }
}
