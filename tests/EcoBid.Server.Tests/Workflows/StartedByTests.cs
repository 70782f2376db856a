using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using EcoBid.Events.Contracts;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Workflows;

/// <summary>State machines as data files, started by rules with the event as input.</summary>
public sealed class StartedByTests
{
    private const string Rules = """
        {
          "targets": {
            "ResumeWorkflow": { "description": "workflow timers" },
            "AccountEmails": { "description": "sign-up emails" },
            "stateMachine:OrderFlow": { "description": "starts OrderFlow" }
          },
          "rules": [
            { "name": "WorkflowSignal", "eventPattern": { "source": ["ecobid.workflows"], "detail-type": ["WorkflowSignal"] }, "targets": ["ResumeWorkflow"] },
            { "name": "AccountEmails", "eventPattern": { "source": ["ecobid.users"], "detail-type": ["UserRegistered"] }, "targets": ["AccountEmails"] },
            { "name": "Orders", "eventPattern": { "source": ["test.orders"], "detail-type": ["OrderPlaced"] }, "targets": ["stateMachine:OrderFlow"] }
          ]
        }
        """;

    private const string OrderFlow = """{"StartAt":"Take","States":{"Take":{"Type":"Pass","Parameters":{"order.$":"$.detail.order","from.$":"$.source"},"End":true}}}""";

    private static string DefinitionsFolder(params (string File, string Text)[] files)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ecobid-tests", "workflows-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var (file, text) in files)
        {
            File.WriteAllText(Path.Combine(folder, file), text);
        }

        return folder;
    }

    [Fact]
    public async Task A_rule_starts_the_machine_from_its_file_once_per_event_with_the_event_as_input()
    {
        var folder = DefinitionsFolder(("OrderFlow.asl.json", OrderFlow));
        using var app = new WorkflowTestApp();
        app.WithRules(Rules).With("Workflows:DefinitionsPath", folder);
        var admin = await app.AdminClientAsync();

        var published = await admin.PostAsJsonAsync("/events", new { source = "test.orders", detailType = "OrderPlaced", detail = new { order = 17 } });
        published.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var eventId = (await published.ReadJsonAsync()).GetProperty("eventId").GetString()!;
        await app.WaitForHandledAsync(eventId, "stateMachine:OrderFlow");

        var executions = await (await admin.GetAsync("/workflows/OrderFlow/executions")).ReadJsonAsync();
        var only = executions.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        only.GetProperty("name").GetString().ShouldBe(eventId);
        var execution = await (await admin.GetAsync($"/workflows/executions/{only.GetProperty("id").GetString()}")).ReadJsonAsync();
        execution.GetProperty("status").GetString().ShouldBe("SUCCEEDED");
        execution.GetProperty("output").GetProperty("order").GetInt32().ShouldBe(17);
        execution.GetProperty("output").GetProperty("from").GetString().ShouldBe("test.orders");
        execution.GetProperty("input").GetProperty("detail-type").GetString().ShouldBe("OrderPlaced");

        // A redelivered event finds its execution (same name, same input) and starts nothing.
        var envelope = await app.Database.ArchivedEnvelopeAsync(eventId);
        await app.Database.WriteAsync(async scope =>
        {
            await app.Services.GetRequiredServiceOf<EcoBid.Server.Workflows.WorkflowService>()
                .StartInScopeAsync(scope, app.MachineArn("OrderFlow"), eventId, EcoBid.Events.Envelope.EventEnvelope.FromJson(envelope).ToJson(), null, null);
            return true;
        });
        (await app.Database.CountAsync("SELECT COUNT(*) FROM workflow_executions WHERE machine = 'OrderFlow'")).ShouldBe(1);

        var refused = await (await admin.PostAsJsonAsync("/events", new { source = "", detailType = "X", detail = 3 })).ShouldBeProblemAsync(400);
        refused.ErrorFields().ShouldBe(["source", "detail"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_changed_file_is_a_new_version_at_the_next_start_and_an_unchanged_one_is_not()
    {
        var folder = DefinitionsFolder(("OrderFlow.asl.json", OrderFlow), ("Quick.asl.json", """{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}"""), ("Quick.json", """{"type":"EXPRESS"}"""));
        var data = Path.Combine(Path.GetTempPath(), "ecobid-tests", Guid.NewGuid().ToString("N"));

        // Both starts open the same state: the data folder, and on PostgreSQL a schema of the test's own.
        var schema = EcoBidApp.RunsOnPostgres ? await PostgresTestServer.CreateSchemaAsync() : null;
        WorkflowTestApp Start()
        {
            var app = new WorkflowTestApp();
            app.With("ECOBID_DATA_DIR", data).With("Workflows:DefinitionsPath", folder);
            if (schema is not null)
            {
                app.With("Postgres:ConnectionString", schema);
            }

            return app;
        }

        try
        {
            using (var first = Start())
            {
                (await first.Workflows.DescribeStateMachineAsync(first.MachineArn("Quick"), CancellationToken.None)).Type.ShouldBe("EXPRESS");
                (await first.Database.CountAsync("SELECT current_version FROM workflow_state_machines WHERE name = 'OrderFlow'")).ShouldBe(1);
            }

            File.WriteAllText(Path.Combine(folder, "OrderFlow.asl.json"), OrderFlow.Replace("\"order.$\"", "\"changed.$\"", StringComparison.Ordinal));
            using var second = Start();
            (await second.Database.CountAsync("SELECT current_version FROM workflow_state_machines WHERE name = 'OrderFlow'")).ShouldBe(2);
            (await second.Database.CountAsync("SELECT current_version FROM workflow_state_machines WHERE name = 'Quick'")).ShouldBe(1);
            var run = await second.EndedAsync(await second.StartAsync("OrderFlow", """{"detail":{"order":1},"source":"s"}"""));
            JsonNode.Parse(run.Output!)!["changed"]!.GetValue<int>().ShouldBe(1);
        }
        finally
        {
            if (schema is not null)
            {
                await PostgresTestServer.DropSchemaAsync(schema);
            }
        }
    }

    [Fact]
    public void A_bad_definition_file_stops_the_server_naming_the_file_the_state_and_the_field()
    {
        var folder = DefinitionsFolder(("Broken.asl.json", """{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Gone"}}}"""));
        using var app = new WorkflowTestApp();
        app.With("Workflows:DefinitionsPath", folder);
        var failure = Should.Throw<Exception>(() => app.CreateClient());
        var message = failure.ToString();
        message.ShouldContain("Broken.asl.json");
        message.ShouldContain("/States/A/Next");
        message.ShouldContain("MISSING_TRANSITION_TARGET");
    }
}
