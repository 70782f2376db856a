using System.Net.Http.Json;
using System.Text.Json;
using EcoBid.Events;
using EcoBid.Events.Monitoring;
using EcoBid.Server.Tests.Alarms;
using EcoBid.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EcoBid.Server.Tests.Observability;

/// <summary><c>GET /admin/trace/{correlationId}</c>: what one request set off, without a tracing backend.</summary>
public sealed class CorrelationTraceTests : IDisposable
{
    private static readonly string[] ItemTargets = ["ProcessNewItem", "Index", "Moderate", "NotifyNearbyUsers", "UpdateStats"];

    private readonly EcoBidApp _app = new EcoBidApp()
        .WithItemCreatedTarget("AlwaysFails", new { description = "Fails every time.", maxReceiveCount = 2, backoffBaseMilliseconds = 20, backoffCapSeconds = 1 })
        .WithServices(services => services.AddEventHandler<AlwaysFails>("AlwaysFails"));

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_trace_lists_the_events_in_order_with_each_delivery_handled_or_dead_lettered_and_its_attempts()
    {
        var (_, admin) = await _app.AdminVerifiedInDatabaseAsync();
        var (_, seller) = await _app.SignUpAsync();
        var correlation = $"ops-{Guid.NewGuid():N}";
        seller.DefaultRequestHeaders.Add("X-Correlation-Id", correlation);
        var itemId = await seller.CreateItemAsync();
        var eventId = await _app.Database.ItemCreatedEventIdAsync(itemId);
        foreach (var target in ItemTargets)
        {
            await _app.WaitForHandledAsync(eventId, target);
        }

        await _app.WaitForAsync(a => a.Kind == RuntimeActivityKind.DeadLettered && a.EventId == eventId);
        await Eventually.TrueAsync(async () => await _app.Database.CountAsync("SELECT COUNT(*) FROM outbox") == 0, what: "the dead-letter alert is dispatched");

        var trace = await (await admin.GetAsync($"/admin/trace/{correlation}")).ReadJsonAsync();

        trace.GetProperty("correlationId").GetString().ShouldBe(correlation);
        var events = trace.GetProperty("events").EnumerateArray().ToList();
        events.Select(e => e.GetProperty("detailType").GetString()).ShouldBe(["ItemCreated", "ErrorOccurred"]);
        var created = events[0];
        created.GetProperty("id").GetString().ShouldBe(eventId);
        created.GetProperty("state").GetString().ShouldBe("dispatched");
        created.GetProperty("dispatchMs").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
        var deliveries = created.GetProperty("deliveries").EnumerateArray().ToDictionary(d => d.GetProperty("target").GetString()!);
        deliveries.Keys.ShouldBe([.. ItemTargets, "AlwaysFails"], ignoreOrder: true);
        foreach (var target in ItemTargets)
        {
            var delivery = deliveries[target];
            delivery.GetProperty("status").GetString().ShouldBe("handled");
            delivery.GetProperty("handledAt").GetDateTimeOffset().ShouldBeGreaterThanOrEqualTo(created.GetProperty("time").GetDateTimeOffset());
            delivery.GetProperty("latencyMs").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
            var attempt = delivery.GetProperty("attempts").EnumerateArray().ShouldHaveSingleItem();
            attempt.GetProperty("outcome").GetString().ShouldBe("handled");
            attempt.GetProperty("durationMs").GetDouble().ShouldBeGreaterThan(0);
        }

        var failed = deliveries["AlwaysFails"];
        failed.GetProperty("status").GetString().ShouldBe("dead_lettered");
        failed.GetProperty("receiveCount").GetInt32().ShouldBe(2);
        failed.GetProperty("lastError").GetString().ShouldBe("InvalidOperationException: the test dependency is down");
        failed.GetProperty("attempts").EnumerateArray().Select(a => (a.GetProperty("outcome").GetString(), a.GetProperty("receiveCount").GetInt32()))
            .ShouldBe([("retry", 1), ("dead_lettered", 2)]);
        events[1].GetProperty("time").GetDateTimeOffset().ShouldBeGreaterThanOrEqualTo(created.GetProperty("time").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_handler_published_chain_is_listed_in_order_and_an_unknown_id_is_404()
    {
        var (_, admin) = await _app.AdminVerifiedInDatabaseAsync();
        var (_, owner) = await _app.SignUpAsync(displayName: "Giver");
        var (_, taker) = await _app.SignUpAsync(displayName: "Taker");
        var itemId = await owner.CreateItemAsync();
        var conversation = await (await taker.PostAsJsonAsync($"/items/{itemId}/conversations", new { visibility = "private" })).ReadJsonAsync();
        var correlation = $"ops-{Guid.NewGuid():N}";
        taker.DefaultRequestHeaders.Add("X-Correlation-Id", correlation);
        (await taker.PostAsJsonAsync($"/conversations/{conversation.GetProperty("id").GetString()}/messages", new { body = "Hello" })).EnsureSuccessStatusCode();
        await _app.WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled && a.Queue == "NotifyMessageRecipients");

        JsonElement trace = default;
        await Eventually.TrueAsync(async () =>
        {
            trace = await (await admin.GetAsync($"/admin/trace/{correlation}")).ReadJsonAsync();
            return trace.GetProperty("events").EnumerateArray().Any(e => e.GetProperty("detailType").GetString() == "NotificationSent");
        }, what: "the notification is in the trace");

        var types = trace.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("detailType").GetString()).ToList();
        types.Take(2).ShouldBe(["MessageSent", "MessageSaved"]);
        types.ShouldContain("NotificationSent");
        var times = trace.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("time").GetDateTimeOffset()).ToList();
        times.ShouldBe(times.Order().ToList());

        await (await admin.GetAsync($"/admin/trace/ops-{Guid.NewGuid():N}")).ShouldBeProblemAsync(404);
    }
}
