using System.Diagnostics;
using System.Net.Http.Json;
using EcoBid.Events;
using EcoBid.Server.Observability;
using EcoBid.Server.Tests.Alarms;
using EcoBid.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace EcoBid.Server.Tests.Observability;

/// <summary>
/// One trace from the HTTP request through the outbox, the relay, the queue and the handler, into the events the
/// handler publishes and their deliveries, recorded with OpenTelemetry's in-memory exporter.
/// </summary>
public sealed class TracingTests : IDisposable
{
    private readonly SpanCollection _spans = new();
    private readonly EcoBidApp _app;

    public TracingTests()
    {
        _app = new EcoBidApp()
            .WithItemCreatedTarget("AlwaysFails", new { description = "Fails every time.", maxReceiveCount = 2, backoffBaseMilliseconds = 20, backoffCapSeconds = 1 })
            .WithServices(services =>
            {
                services.AddEventHandler<AlwaysFails>("AlwaysFails");
                services.AddOpenTelemetry().WithTracing(tracing => EcoBidTelemetry.ConfigureTracing(tracing).AddInMemoryExporter(_spans));
            });
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_message_request_its_events_their_deliveries_and_the_events_a_handler_publishes_are_one_trace()
    {
        var (_, owner) = await _app.SignUpAsync(displayName: "Giver");
        var (_, taker) = await _app.SignUpAsync(displayName: "Taker");
        var itemId = await owner.CreateItemAsync();
        var conversation = await (await taker.PostAsJsonAsync($"/items/{itemId}/conversations", new { visibility = "private" })).ReadJsonAsync();

        var correlation = $"trace-message-{Guid.NewGuid():N}";
        using var message = new HttpRequestMessage(HttpMethod.Post, $"/conversations/{conversation.GetProperty("id").GetString()}/messages")
        {
            Content = JsonContent.Create(new { body = "Still there?" }),
        };
        message.Headers.Add("X-Correlation-Id", correlation);
        (await taker.SendAsync(message)).EnsureSuccessStatusCode();

        var relaySent = await Span(s => s.DisplayName == "relay MessageSent" && Correlation(s) == correlation);
        var trace = relaySent.TraceId;
        var request = await Span(s => s.TraceId == trace && s.Kind == ActivityKind.Server);
        request.DisplayName.ShouldBe("POST /conversations/{id}/messages");
        request.GetTagItem("http.response.status_code").ShouldBe(202);
        var save = await Span(s => s.TraceId == trace && s.DisplayName == "handle SaveMessage");
        var relaySaved = await Span(s => s.TraceId == trace && s.DisplayName == "relay MessageSaved");
        var notify = await Span(s => s.TraceId == trace && s.DisplayName == "handle NotifyMessageRecipients");
        var relayNotice = await Span(s => s.TraceId == trace && s.DisplayName == "relay NotificationSent");

        // request -> relay -> handler -> (published) relay -> handler -> (published) relay: each the parent of the next.
        Chain(request, relaySent, save, relaySaved, notify, relayNotice);
        relaySent.Kind.ShouldBe(ActivityKind.Producer);
        save.Kind.ShouldBe(ActivityKind.Consumer);

        var messageSent = await _app.Database.CountAsync("SELECT COUNT(*) FROM event_archive WHERE detail_type = 'MessageSent' AND event_id = @id", new { id = relaySent.GetTagItem("ecobid.event.id") });
        messageSent.ShouldBe(1);
        relaySent.GetTagItem("ecobid.event.detail_type").ShouldBe("MessageSent");
        relaySent.GetTagItem("ecobid.outcome").ShouldBe("dispatched");
        relaySent.GetTagItem("ecobid.targets").ShouldBe(2); // SaveMessage and UpdateStats
        save.GetTagItem("ecobid.event.id").ShouldBe(relaySent.GetTagItem("ecobid.event.id"));
        save.GetTagItem("ecobid.event.detail_type").ShouldBe("MessageSent");
        save.GetTagItem("ecobid.target").ShouldBe("SaveMessage");
        save.GetTagItem("ecobid.attempt").ShouldBe(1);
        save.GetTagItem("ecobid.outcome").ShouldBe("handled");
        save.GetTagItem("ecobid.correlation_id").ShouldBe(correlation);
        notify.GetTagItem("ecobid.event.detail_type").ShouldBe("MessageSaved");

        // The archive keeps the parent each event was handed on under: the relay's span.
        var archived = await _app.Database.ArchivedEnvelopeAsync((string)relaySaved.GetTagItem("ecobid.event.id")!);
        archived.ShouldContain($"\"traceparent\":\"{relaySaved.Id}\"");
    }

    [Fact]
    public async Task The_item_request_traces_to_every_target_and_a_failing_one_shows_each_attempt_and_the_dead_letter_alert()
    {
        var (_, seller) = await _app.SignUpAsync();
        var correlation = $"trace-item-{Guid.NewGuid():N}";
        seller.DefaultRequestHeaders.Add("X-Correlation-Id", correlation);
        (await seller.PostAsJsonAsync("/items", Requests.Item())).EnsureSuccessStatusCode();

        var relay = await Span(s => s.DisplayName == "relay ItemCreated" && Correlation(s) == correlation);
        var request = await Span(s => s.TraceId == relay.TraceId && s.Kind == ActivityKind.Server);
        request.DisplayName.ShouldBe("POST /items");
        request.GetTagItem("http.response.status_code").ShouldBe(201);
        relay.ParentSpanId.ShouldBe(request.SpanId);
        foreach (var target in new[] { "ProcessNewItem", "Index", "Moderate", "NotifyNearbyUsers", "UpdateStats" })
        {
            var handled = await Span(s => s.TraceId == request.TraceId && s.DisplayName == $"handle {target}");
            handled.ParentSpanId.ShouldBe(relay.SpanId);
            handled.GetTagItem("ecobid.outcome").ShouldBe("handled");
        }

        var first = await Span(s => s.TraceId == request.TraceId && s.DisplayName == "handle AlwaysFails" && s.GetTagItem("ecobid.attempt") is 1);
        var second = await Span(s => s.TraceId == request.TraceId && s.DisplayName == "handle AlwaysFails" && s.GetTagItem("ecobid.attempt") is 2);
        (first.GetTagItem("ecobid.outcome"), first.Status).ShouldBe(("retry", ActivityStatusCode.Error));
        (second.GetTagItem("ecobid.outcome"), second.Status).ShouldBe(("dead_lettered", ActivityStatusCode.Error));
        second.StatusDescription!.ShouldContain("the test dependency is down");
        var alert = await Span(s => s.TraceId == request.TraceId && s.DisplayName == "relay ErrorOccurred");
        alert.ParentSpanId.ShouldBe(second.SpanId);
    }

    /// <summary>Each span is the parent of the next.</summary>
    private static void Chain(params Activity[] spans)
    {
        for (var i = 1; i < spans.Length; i++)
        {
            spans[i].TraceId.ShouldBe(spans[0].TraceId, spans[i].DisplayName);
            spans[i].ParentSpanId.ShouldBe(spans[i - 1].SpanId, $"{spans[i].DisplayName} should be a child of {spans[i - 1].DisplayName}");
        }
    }

    private static string? Correlation(Activity span) => span.GetTagItem("ecobid.correlation_id") as string;

    private Task<Activity> Span(Func<Activity, bool> match) => _spans.WaitForAsync(match, "the span is exported");
}
