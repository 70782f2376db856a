using System.Diagnostics;
using System.Net.Http.Json;
using EcoBid.Server.Observability;
using EcoBid.Server.Tests.Infrastructure;
using EcoBid.Server.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace EcoBid.Server.Tests.Observability;

/// <summary>The workflow steps an event starts belong to the event's trace: request, relay, rule target, each state.</summary>
public sealed class WorkflowTracingTests : IDisposable
{
    private const string Rules = """
        {
          "targets": {
            "ResumeWorkflow": { "description": "workflow timers" },
            "stateMachine:Packing": { "description": "starts Packing" }
          },
          "rules": [
            { "name": "WorkflowSignal", "eventPattern": { "source": ["ecobid.workflows"], "detail-type": ["WorkflowSignal"] }, "targets": ["ResumeWorkflow"] },
            { "name": "Parcels", "eventPattern": { "source": ["test.parcels"], "detail-type": ["ParcelBooked"] }, "targets": ["stateMachine:Packing"] }
          ]
        }
        """;

    private const string Packing = """
        {"StartAt":"Weigh","States":{
          "Weigh":{"Type":"Pass","Next":"Pause"},
          "Pause":{"Type":"Wait","Seconds":1,"Next":"Label"},
          "Label":{"Type":"Pass","End":true}}}
        """;

    private readonly SpanCollection _spans = new();
    private readonly WorkflowTestApp _app = new();

    public WorkflowTracingTests()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ecobid-tests", "workflows-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "Packing.asl.json"), Packing);
        _app.WithRules(Rules).With("Workflows:DefinitionsPath", folder);
        _app.WithServices(services => services.AddOpenTelemetry().WithTracing(tracing => EcoBidTelemetry.ConfigureTracing(tracing).AddInMemoryExporter(_spans)));
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Every_state_of_an_execution_started_by_an_event_is_a_step_span_in_the_event_trace_even_after_a_wait()
    {
        var admin = await _app.AdminWithoutWorkersAsync(); // these rules send no verification email
        var correlation = $"trace-workflow-{Guid.NewGuid():N}";
        admin.DefaultRequestHeaders.Add("X-Correlation-Id", correlation);
        (await admin.PostAsJsonAsync("/events", new { source = "test.parcels", detailType = "ParcelBooked", detail = new { parcel = 4 } })).EnsureSuccessStatusCode();

        var relay = await Span(s => s.DisplayName == "relay ParcelBooked" && s.GetTagItem("ecobid.correlation_id") as string == correlation);
        var request = await Span(s => s.TraceId == relay.TraceId && s.Kind == ActivityKind.Server);
        request.DisplayName.ShouldBe("POST /events");
        var start = await Span(s => s.TraceId == relay.TraceId && s.DisplayName == "handle stateMachine:Packing");
        start.ParentSpanId.ShouldBe(relay.SpanId);

        var steps = new List<Activity>();
        foreach (var state in new[] { "Weigh", "Pause", "Label" })
        {
            var step = await Span(s => s.TraceId == relay.TraceId && s.DisplayName == $"step {state}");
            step.GetTagItem("ecobid.workflow.state_machine").ShouldBe("Packing");
            step.GetTagItem("ecobid.workflow.state").ShouldBe(state);
            ((string)step.GetTagItem("ecobid.workflow.execution")!).ShouldContain(":execution:Packing:");
            steps.Add(step);
        }

        // Label is entered a second later, in another transaction after the durable timer fired: still the same trace.
        steps[0].ParentSpanId.ShouldBe(start.SpanId);
        // The Wait counts its second from the transaction's clock reading, which a busy machine takes a little before the
        // Weigh span starts (0.9 s apart was seen): half a second still tells a durable wait from the same transaction.
        steps[2].StartTimeUtc.ShouldBeGreaterThan(steps[0].StartTimeUtc.AddMilliseconds(500));
    }

    private Task<Activity> Span(Func<Activity, bool> match) => _spans.WaitForAsync(match, "the span is exported");
}
