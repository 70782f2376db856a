using System.Net.Http.Json;
using Dapper;
using EcoBid.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace EcoBid.Server.Tests.Workflows;

/// <summary>The real executable killed with SIGKILL while executions wait on durable timers: after the restart each resumes where it stood, once.</summary>
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
        (await CountAsync(server, "SELECT COUNT(*) FROM (SELECT envelope FROM outbox UNION ALL SELECT envelope FROM event_archive) WHERE json_extract(envelope, '$.detail-type') = 'NapOver'")).ShouldBe(Executions);
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
