using EcoBid.Events;
using EcoBid.Server.Tests.Alarms;
using EcoBid.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EcoBid.Server.Tests.Observability;

/// <summary>With <c>OpenTelemetry:Endpoint</c> set, traces, metrics and logs all reach the collector over OTLP.</summary>
public sealed class OtlpExportTests : IAsyncLifetime
{
    private readonly FakeCollector _collector = new();
    private EcoBidApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new EcoBidApp()
            .With("OpenTelemetry:Endpoint", _collector.Endpoint.ToString())
            .With("OpenTelemetry:Protocol", "http/protobuf")
            .With("OTEL_BSP_SCHEDULE_DELAY", "100")
            .With("OTEL_BLRP_SCHEDULE_DELAY", "100")
            .With("OTEL_METRIC_EXPORT_INTERVAL", "200")
            .WithItemCreatedTarget("AlwaysFails", new { description = "Fails every time.", maxReceiveCount = 1 })
            .WithServices(services => services.AddEventHandler<AlwaysFails>("AlwaysFails"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _collector.DisposeAsync();
    }

    [Fact]
    public async Task Spans_metrics_and_logs_are_exported_to_the_configured_endpoint()
    {
        var (_, seller) = await _app.SignUpAsync();
        await seller.CreateItemAsync();

        await Eventually.TrueAsync(() => Task.FromResult(_collector.Received("/v1/traces", "POST /items") && _collector.Received("/v1/traces", "relay ItemCreated") && _collector.Received("/v1/traces", "handle Index")), what: "the spans are exported");
        await Eventually.TrueAsync(() => Task.FromResult(_collector.Received("/v1/metrics", "ecobid.messages.handled") && _collector.Received("/v1/metrics", "http.server.request.duration")), what: "the metrics are exported");

        // The dead letter's warning, with its target in the message.
        await Eventually.TrueAsync(() => Task.FromResult(_collector.Received("/v1/logs", "dead-lettered by AlwaysFails")), what: "the logs are exported");
        _collector.Received("/v1/traces", "ecobid").ShouldBeTrue("the resource names the service");
    }
}
