using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcoBid.Server.Workflows;
using EcoBid.Server.Workflows.Contract;
using Spectre.Console;

namespace EcoBid.Server.Cli;

/// <summary>
/// <c>ecobid workflows list|start|describe|history|stop</c>: the workflow API on the data folder's database. A STANDARD
/// execution started here is run by the server (now, or when it next starts); an EXPRESS one runs here and prints its
/// result, as StartSyncExecution does.
/// </summary>
internal static class WorkflowCommands
{
    public static Command Create()
    {
        var machineFilter = new Option<string?>("--machine") { Description = "List this state machine's executions instead of the machines" };
        var status = new Option<string?>("--status") { Description = "With --machine: RUNNING, SUCCEEDED, FAILED, TIMED_OUT or ABORTED" };
        var list = new Command("list", "Lists the state machines, or one machine's executions (newest first).") { machineFilter, status };
        list.SetAction((result, cancellationToken) => RunAsync(result, async (workflows, console) =>
        {
            if (result.GetValue(machineFilter) is { } machine)
            {
                await ListExecutionsAsync(workflows, console, machine, result.GetValue(status), cancellationToken);
            }
            else
            {
                await ListMachinesAsync(workflows, console, cancellationToken);
            }
        }, cancellationToken));

        var machineName = new Argument<string>("state-machine") { Description = "The state machine's name or ARN" };
        var name = new Option<string?>("--name") { Description = "Execution name (idempotent: the same name and input return the first)" };
        var input = new Option<string?>("--input") { Description = "Input as JSON (default {})" };
        var start = new Command("start", "Starts an execution and prints its id and ARN (EXPRESS: runs it and prints the result).") { machineName, name, input };
        start.SetAction((result, cancellationToken) => RunAsync(result, async (workflows, console) =>
        {
            var request = new StartExecutionRequest(result.GetValue(machineName)!, result.GetValue(name), result.GetValue(input) ?? "{}");
            var description = await workflows.DescribeStateMachineAsync(request.StateMachineArn, cancellationToken);
            if (description.Type == "EXPRESS")
            {
                var run = await workflows.StartSyncExecutionAsync(request, cancellationToken);
                console.WriteLine($"{run.ExecutionArn} {run.Status}");
                console.WriteLine(run.Output ?? $"{run.Error}: {run.Cause}");
                return;
            }

            var started = await workflows.StartExecutionAsync(request, cancellationToken);
            var record = await workflows.FindExecutionAsync(started.ExecutionArn, cancellationToken);
            console.WriteLine($"started {record.Id} {started.ExecutionArn}");
        }, cancellationToken));

        var execution = new Argument<string>("execution") { Description = "The execution's id (as the REST API shows it) or ARN" };
        var describe = new Command("describe", "Shows an execution: status, input, output, error and cause, start and stop.") { execution };
        describe.SetAction((result, cancellationToken) => RunAsync(result, async (workflows, console) =>
        {
            var found = workflows.Describe(await workflows.FindExecutionAsync(result.GetValue(execution)!, cancellationToken));
            var table = CliConsole.Table(["field", "value"], "field");
            table.AddRow("execution", Markup.Escape(found.ExecutionArn));
            table.AddRow("status", found.Status);
            table.AddRow("started", found.StartDate.ToString("u"));
            table.AddRow("stopped", found.StopDate?.ToString("u") ?? "-");
            table.AddRow(new Markup("input"), CliConsole.Prose(found.Input ?? "-"));
            table.AddRow(new Markup("output"), CliConsole.Prose(found.Output ?? "-"));
            table.AddRow(new Markup("error"), CliConsole.Prose(found.Error ?? "-"));
            table.AddRow(new Markup("cause"), CliConsole.Prose(found.Cause ?? "-"));
            console.Write(table);
        }, cancellationToken));

        var reverse = new Option<bool>("--reverse") { Description = "Newest event first" };
        var limit = new Option<int>("--limit") { Description = "At most this many events", DefaultValueFactory = _ => 1000 };
        var history = new Command("history", "Prints the execution's history events, one per line (id, type, time, state).") { execution, reverse, limit };
        history.SetAction((result, cancellationToken) => RunAsync(result, async (workflows, console) =>
        {
            var remaining = result.GetValue(limit);
            string? token = null;
            var table = CliConsole.Table(["id", "type", "time", "state"], "id", "type");
            do
            {
                var page = await workflows.GetExecutionHistoryAsync(result.GetValue(execution)!, result.GetValue(reverse), false, token, Math.Min(remaining, 1000), cancellationToken);
                foreach (var item in page.Items)
                {
                    table.AddRow(Text(item["id"]), Text(item["type"]), Text(item["timestamp"]), Markup.Escape(StateName(item)));
                }

                remaining -= page.Items.Count;
                token = page.NextToken;
            }
            while (token is not null && remaining > 0);
            console.Write(table);
        }, cancellationToken));

        var error = new Option<string?>("--error") { Description = "The error the execution stops with" };
        var cause = new Option<string?>("--cause") { Description = "Why it was stopped" };
        var stop = new Command("stop", "Stops a running execution (ABORTED).") { execution, error, cause };
        stop.SetAction((result, cancellationToken) => RunAsync(result, async (workflows, console) =>
        {
            var arn = (await workflows.FindExecutionAsync(result.GetValue(execution)!, cancellationToken)).Arn;
            var stopped = await workflows.StopExecutionAsync(arn, result.GetValue(error), result.GetValue(cause), cancellationToken);
            var now = workflows.Describe(await workflows.FindExecutionAsync(arn, cancellationToken));
            console.WriteLine($"{now.Status} {arn} at {stopped:u}");
        }, cancellationToken));

        return new Command("workflows", "State machines and their executions (Amazon States Language).") { list, start, describe, history, stop };
    }

    private static async Task<int> RunAsync(ParseResult result, Func<WorkflowService, IAnsiConsole, Task> action, CancellationToken cancellationToken)
    {
        using var host = await CliServices.StartAsync(cancellationToken);
        try
        {
            await action(host.Services.GetRequiredService<WorkflowService>(), CliConsole.Create(result));
            return 0;
        }
        catch (WorkflowException ex)
        {
            await result.InvocationConfiguration.Error.WriteLineAsync($"{ex.Code}: {ex.Message}");
            return EventsCommands.InvalidInput;
        }
    }

    private static async Task ListMachinesAsync(WorkflowService workflows, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var table = CliConsole.Table(["name", "type", "created", "arn"], "name", "arn");
        string? token = null;
        do
        {
            var page = await workflows.ListStateMachinesAsync(token, 1000, cancellationToken);
            foreach (var machine in page.Items)
            {
                table.AddRow(Markup.Escape(machine.Name), machine.Type, machine.CreationDate.ToString("u"), Markup.Escape(machine.StateMachineArn));
            }

            token = page.NextToken;
        }
        while (token is not null);
        console.Write(table);
    }

    private static async Task ListExecutionsAsync(WorkflowService workflows, IAnsiConsole console, string machine, string? status, CancellationToken cancellationToken)
    {
        var table = CliConsole.Table(["id", "name", "status", "started", "stopped"], "id", "name");
        var page = await workflows.ListExecutionsAsync(machine, status, null, 1000, cancellationToken);
        foreach (var item in page.Items)
        {
            var record = await workflows.FindExecutionAsync(item.ExecutionArn, cancellationToken);
            table.AddRow(record.Id, Markup.Escape(item.Name), item.Status, item.StartDate.ToString("u"), item.StopDate?.ToString("u") ?? "-");
        }

        console.Write(table);
        if (page.NextToken is not null)
        {
            console.WriteLine("(the newest 1000 shown)");
        }
    }

    private static string Text(JsonNode? node) => node is null ? "-" : Markup.Escape(node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString());

    /// <summary>The state an event concerns, from whichever *EventDetails object carries a name.</summary>
    private static string StateName(JsonObject historyEvent) =>
        historyEvent.Select(p => p.Value).OfType<JsonObject>().Select(details => details["name"]).OfType<JsonValue>().Select(n => n.ToString()).FirstOrDefault() ?? string.Empty;
}
