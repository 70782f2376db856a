using System.Text.Json;
using Dapper;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Server.Handlers.Any;
using EcoBid.Server.Handlers.Scheduled;
using EcoBid.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EcoBid.Server.Tests.Handlers;

/// <summary>
/// The statistics counters: each count is appended, the FoldStats schedule folds the appended counts into the counters,
/// and <c>/stats</c> shows the same totals before and after; workers counting the same counters at once on PostgreSQL
/// never wait for each other (in place, two batches taking the counters in different orders deadlocked).
/// </summary>
public sealed class UpdateStatsTests : IDisposable
{
    private readonly List<EcoBidApp> _apps = [];

    public void Dispose()
    {
        foreach (var app in _apps)
        {
            app.Dispose();
        }
    }

    [Fact]
    public async Task Counts_are_appended_and_the_fold_keeps_every_total()
    {
        var app = Track(new EcoBidApp());
        await CountAsync(app, "BidPlaced", "BidPlaced", "MessageSent");

        var before = await CountersAsync(app);
        before["events.BidPlaced"].ShouldBe(2);
        before["events.MessageSent"].ShouldBe(1);
        (await DeltasAsync(app)).ShouldBe(3);

        await RunAsync(app, FoldStats.Target, ScheduledEvent());
        (await DeltasAsync(app)).ShouldBe(0);
        (await CountersAsync(app)).OrderBy(c => c.Key, StringComparer.Ordinal).ShouldBe(before.OrderBy(c => c.Key, StringComparer.Ordinal));

        await CountAsync(app, "BidPlaced");
        await RunAsync(app, FoldStats.Target, ScheduledEvent());
        await RunAsync(app, FoldStats.Target, ScheduledEvent()); // a second fold with nothing to fold changes nothing
        var after = await CountersAsync(app);
        after["events.BidPlaced"].ShouldBe(3);
        after["events.MessageSent"].ShouldBe(1);
    }

    [Fact]
    public async Task Two_workers_counting_the_same_counters_in_opposite_orders_on_PostgreSQL_both_commit_without_waiting()
    {
        var app = Track(new EcoBidApp().OnPostgres());
        await CountAsync(app, "BidPlaced", "MessageSent"); // the counters exist, as they do on a running marketplace
        await RunAsync(app, FoldStats.Target, ScheduledEvent());

        // Each transaction counts one event, waits until the other has counted its first, then counts the other kind:
        // counted in place, each would now wait for the row the other holds (a deadlock PostgreSQL breaks by failing one).
        var handler = app.Services.GetRequiredKeyedService<IEventHandler>(UpdateStats.Target);
        var bothCountedOnce = new Barrier(2);
        Task<int> Batch(string first, string second) => Task.Run(() => app.Database.WriteAsync(async scope =>
        {
            await handler.HandleAsync(DomainEvent(first), scope, CancellationToken.None);
            bothCountedOnce.SignalAndWait(TimeSpan.FromSeconds(30)).ShouldBeTrue("the other transaction counted its first event");
            await handler.HandleAsync(DomainEvent(second), scope, CancellationToken.None);
            return 0;
        }));

        await Task.WhenAll(Batch("BidPlaced", "MessageSent"), Batch("MessageSent", "BidPlaced")).WaitAsync(TimeSpan.FromSeconds(30));

        var counters = await CountersAsync(app);
        counters["events.BidPlaced"].ShouldBe(3);
        counters["events.MessageSent"].ShouldBe(3);
        var stats = await (await app.CreateClient().GetAsync("/stats")).ReadJsonAsync();
        stats.GetProperty("counters").GetProperty("events.BidPlaced").GetInt64().ShouldBe(3);
    }

    private EcoBidApp Track(EcoBidApp app)
    {
        _apps.Add(app);
        return app;
    }

    private static async Task CountAsync(EcoBidApp app, params string[] detailTypes)
    {
        foreach (var detailType in detailTypes)
        {
            await RunAsync(app, UpdateStats.Target, DomainEvent(detailType));
        }
    }

    private static Task RunAsync(EcoBidApp app, string target, EventEnvelope envelope)
    {
        var handler = app.Services.GetRequiredKeyedService<IEventHandler>(target);
        return app.Database.WriteAsync(async scope =>
        {
            await handler.HandleAsync(envelope, scope, CancellationToken.None);
            return 0;
        });
    }

    private static async Task<Dictionary<string, long>> CountersAsync(EcoBidApp app) =>
        (await app.Database.ReadAsync(c => c.QueryAsync<(string Name, long Value)>("SELECT name, value FROM stats_totals")))
            .ToDictionary(r => r.Name, r => r.Value, StringComparer.Ordinal);

    private static Task<long> DeltasAsync(EcoBidApp app) =>
        app.Database.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM stats_counter_deltas"));

    private static EventEnvelope DomainEvent(string detailType) => Envelope("ecobid.tests", detailType);

    private static EventEnvelope ScheduledEvent() => Envelope("ecobid.scheduler", "Scheduled Event");

    private static EventEnvelope Envelope(string source, string detailType)
    {
        using var detail = JsonDocument.Parse("{}");
        return new EventEnvelope
        {
            Id = Guid.NewGuid().ToString(),
            Source = source,
            DetailType = detailType,
            Time = DateTimeOffset.UtcNow,
            Detail = detail.RootElement.Clone(),
        };
    }
}
