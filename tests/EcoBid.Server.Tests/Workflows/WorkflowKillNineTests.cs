using System.Net.Http.Json;
using Dapper;
using EcoBid.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace EcoBid.Server.Tests.Workflows;

/// <summary>
/// The real executable killed with SIGKILL while executions run tasks or wait on durable timers: after the restart each
/// resumes where it stood, and no task's effect happens twice.
/// </summary>
[Trait("Category", "Crash")]
public sealed class WorkflowKillNineTests
{
    private const int Executions = 10;

    private const string Napper = """
        {"StartAt":"Nap","States":{
          "Nap":{"Type":"Wait","Seconds":3,"Next":"Announce"},
          "Announce":{"Type":"Task","Resource":"arn:aws:states:::events:putEvents",
            "Parameters":{"Entries":[{"Source":"test.workflows","DetailType":"NapOver","Detail":{"execution.$":"$$.Execution.Id"}}]},"Next":"Done"},
          "Done":{"Type":"Pass","Result":"rested","End":true}}}
        """;

    private const int Steps = 8;

    // Each round publishes one event (a task with an effect), counts, and sleeps a second on a durable timer. A task and
    // its transition commit together, so a kill lands between steps: some effects before it, the rest after the restart.
    private const string Counter = """
        {"StartAt":"Init","States":{
          "Init":{"Type":"Pass","Result":0,"ResultPath":"$.step","Next":"Announce"},
          "Announce":{"Type":"Task","Resource":"arn:aws:states:::events:putEvents","ResultPath":null,
            "Parameters":{"Entries":[{"Source":"test.workflows","DetailType":"StepDone","Detail":{"execution.$":"$$.Execution.Id","step.$":"$.step"}}]},"Next":"Count"},
          "Count":{"Type":"Pass","Parameters":{"step.$":"States.MathAdd($.step, 1)"},"Next":"More"},
          "More":{"Type":"Choice","Choices":[{"Variable":"$.step","NumericLessThan":8,"Next":"Pause"}],"Default":"Done"},
          "Pause":{"Type":"Wait","Seconds":1,"Next":"Announce"},
          "Done":{"Type":"Pass","Result":"counted","End":true}}}
        """;

    private const string StepEvents = """
        SELECT json_extract(envelope, '$.detail.execution') AS execution, json_extract(envelope, '$.detail.step') AS step
        FROM (SELECT envelope FROM outbox UNION ALL SELECT envelope FROM event_archive) AS events
        WHERE json_extract(envelope, '$.detail-type') = 'StepDone'
        """;

    [Fact]
    public async Task Executions_killed_while_running_tasks_finish_after_the_restart_with_each_task_effect_once()
    {
        var definitions = Path.Combine(Path.GetTempPath(), "ecobid-tests", "kill-workflows-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(definitions);
        await File.WriteAllTextAsync(Path.Combine(definitions, "Counter.asl.json"), Counter);
        await using var server = ServerProcess.Create(new Dictionary<string, string> { ["Workflows__DefinitionsPath"] = definitions });
        await server.StartAsync();
        await server.SignUpAdminAsync();
        using (var client = server.CreateClient())
        {
            for (var i = 0; i < Executions; i++)
            {
                (await client.PostAsJsonAsync("/workflows/Counter/executions", new { name = $"count-{i}", input = new { i } })).EnsureSuccessStatusCode();
            }
        }

        // Kill once every execution has published at least twice: they are then in the middle of their loops.
        var until = DateTimeOffset.UtcNow.AddSeconds(60);
        while (await CountAsync(server, $"SELECT COUNT(*) FROM (SELECT execution FROM ({StepEvents}) GROUP BY execution HAVING COUNT(*) >= 2)") < Executions)
        {
            DateTimeOffset.UtcNow.ShouldBeLessThan(until, "the executions publish their first steps");
            await Task.Delay(50);
        }

        server.Kill().ShouldBe(ServerProcess.SigKillExitCode);
        var before = await CountAsync(server, $"SELECT COUNT(*) FROM ({StepEvents})");
        before.ShouldBeLessThan(Executions * Steps, "the kill came before the executions ended");
        (await CountAsync(server, "SELECT COUNT(*) FROM workflow_executions WHERE status = 'RUNNING'")).ShouldBeGreaterThan(0);

        await server.StartAsync();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (await CountAsync(server, "SELECT COUNT(*) FROM workflow_executions WHERE status = 'SUCCEEDED'") < Executions)
        {
            (await CountAsync(server, "SELECT COUNT(*) FROM workflow_executions WHERE status NOT IN ('RUNNING', 'SUCCEEDED')")).ShouldBe(0, server.LogTail());
            DateTimeOffset.UtcNow.ShouldBeLessThan(deadline, "every execution resumes after the restart");
            await Task.Delay(100);
        }

        await server.StopAsync();
        (await CountAsync(server, "SELECT COUNT(*) FROM workflow_executions WHERE output = '\"counted\"'")).ShouldBe(Executions);
        (await CountAsync(server, $"SELECT COUNT(*) FROM ({StepEvents})")).ShouldBe(Executions * Steps, "one event per execution and step, none twice");
        (await CountAsync(server, $"SELECT COUNT(*) FROM (SELECT DISTINCT execution, step FROM ({StepEvents}))")).ShouldBe(Executions * Steps);
        (await CountAsync(server, "SELECT COUNT(*) FROM workflow_history WHERE event LIKE '%\"type\":\"TaskSucceeded\"%'")).ShouldBe(Executions * Steps);
        (await CountAsync(server, "SELECT COUNT(*) FROM workflow_history WHERE event LIKE '%\"type\":\"TaskScheduled\"%'")).ShouldBe(Executions * Steps);
    }

    [Fact]
    public async Task Executions_waiting_on_timers_resume_once_after_a_kill_during_the_wait()
    {
        var definitions = Path.Combine(Path.GetTempPath(), "ecobid-tests", "kill-workflows-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(definitions);
        await File.WriteAllTextAsync(Path.Combine(definitions, "Napper.asl.json"), Napper);
        await using var server = ServerProcess.Create(new Dictionary<string, string> { ["Workflows__DefinitionsPath"] = definitions });
        await server.StartAsync();
        await server.SignUpAdminAsync();
        using (var client = server.CreateClient())
        {
            for (var i = 0; i < Executions; i++)
            {
                (await client.PostAsJsonAsync("/workflows/Napper/executions", new { name = $"nap-{i}", input = new { i } })).EnsureSuccessStatusCode();
            }
        }

        (await CountAsync(server, "SELECT COUNT(*) FROM timers WHERE key LIKE 'workflow:%:Nap:%'")).ShouldBe(Executions);
        server.Kill().ShouldBe(ServerProcess.SigKillExitCode);
        (await CountAsync(server, "SELECT COUNT(*) FROM workflow_executions WHERE status = 'RUNNING'")).ShouldBe(Executions);

        await server.StartAsync();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (await CountAsync(server, "SELECT COUNT(*) FROM workflow_executions WHERE status = 'SUCCEEDED'") < Executions)
        {
            DateTimeOffset.UtcNow.ShouldBeLessThan(deadline, "every execution resumes after the restart");
            await Task.Delay(100);
        }

        await server.StopAsync();
        (await CountAsync(server, "SELECT COUNT(*) FROM workflow_executions WHERE output = '\"rested\"'")).ShouldBe(Executions);
        (await CountAsync(server, "SELECT COUNT(*) FROM (SELECT envelope FROM outbox UNION ALL SELECT envelope FROM event_archive) AS events WHERE json_extract(envelope, '$.detail-type') = 'NapOver'")).ShouldBe(Executions);
        (await CountAsync(server, "SELECT COUNT(DISTINCT json_extract(envelope, '$.detail.execution')) FROM event_archive WHERE detail_type = 'NapOver'")).ShouldBe(Executions);
        (await CountAsync(server, "SELECT COUNT(*) FROM workflow_history WHERE event LIKE '%\"type\":\"WaitStateExited\"%'")).ShouldBe(Executions);
        (await CountAsync(server, "SELECT COUNT(*) FROM timers WHERE key LIKE 'workflow:%'")).ShouldBe(0);
    }

    private static async Task<long> CountAsync(ServerProcess server, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={server.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await connection.ExecuteAsync("PRAGMA busy_timeout = 5000");
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}
