using System.Globalization;
using System.Text.Json.Nodes;
using EcoBid.Server.Workflows.Contract;
using EcoBid.Server.Workflows.Persistence;
using EcoBid.Server.Workflows.Runtime;
using EcoBid.Workflows.Execution;

namespace EcoBid.Server.Workflows;

public sealed partial class WorkflowService
{
    public Task<ExecutionStartedResult> StartExecutionAsync(StartExecutionRequest request, CancellationToken cancellationToken) =>
        StartAsync(request, null, cancellationToken);

    /// <summary>StartExecution on behalf of a signed-in person, who may then read the execution.</summary>
    public async Task<ExecutionStartedResult> StartAsync(StartExecutionRequest request, string? startedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (name, versionNumber) = MachineRef(request.StateMachineArn);
        var input = CheckedJson(request.Input, WorkflowErrors.InvalidExecutionInput, "execution input");
        var executionName = request.Name ?? Guid.NewGuid().ToString();
        if (!WorkflowNames.IsValid(executionName))
        {
            throw new WorkflowException(WorkflowErrors.InvalidName, $"Invalid Name: '{executionName}'");
        }

        var machine = await store.FindMachineAsync(name, cancellationToken) ?? throw NoMachine(request.StateMachineArn);
        if (machine.Type == Express)
        {
            var version = await store.FindVersionAsync(machine.Name, versionNumber ?? machine.CurrentVersion, cancellationToken) ?? throw NoMachine(request.StateMachineArn);
            return express.StartInBackground(machine, version, executionName, input);
        }

        return await database.WriteAsync(async scope =>
        {
            var (record, _) = await StartInScopeAsync(scope, request.StateMachineArn, executionName, input, request.TraceHeader, startedBy);
            return new ExecutionStartedResult(record.Arn, DateTimeOffset.FromUnixTimeMilliseconds(record.StartedAt));
        }, cancellationToken);
    }

    /// <summary>
    /// Starts a STANDARD execution inside the caller's transaction (an endpoint's, a rule target's), so the execution
    /// and whatever else the caller writes commit together. Input must already be checked JSON.
    /// </summary>
    public async Task<(ExecutionRecord Record, bool Created)> StartInScopeAsync(
        EcoBid.Events.Storage.IWriteScope scope, string stateMachineArn, string name, string input, string? traceHeader, string? startedBy)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var (machineName, versionNumber) = MachineRef(stateMachineArn);
        var machine = await store.FindMachineAsync(scope, machineName) ?? throw NoMachine(stateMachineArn);
        if (machine.Status != Active)
        {
            throw new WorkflowException(WorkflowErrors.StateMachineDeleting, $"State Machine is being deleted: '{stateMachineArn}'");
        }

        if (machine.Type != Standard)
        {
            throw new WorkflowException(WorkflowErrors.StateMachineTypeNotSupported, "This call runs STANDARD state machines only.");
        }

        var version = await store.FindVersionAsync(scope, machine.Name, versionNumber ?? machine.CurrentVersion) ?? throw NoMachine(stateMachineArn);
        return await runtime.StartAsync(scope, new ExecutionLaunch(machine, version, name, input, traceHeader, startedBy));
    }

    public async Task<SyncExecutionResult> StartSyncExecutionAsync(StartExecutionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (name, versionNumber) = MachineRef(request.StateMachineArn);
        var input = CheckedJson(request.Input, WorkflowErrors.InvalidExecutionInput, "execution input");
        var executionName = request.Name ?? Guid.NewGuid().ToString();
        if (!WorkflowNames.IsValid(executionName))
        {
            throw new WorkflowException(WorkflowErrors.InvalidName, $"Invalid Name: '{executionName}'");
        }

        var machine = await store.FindMachineAsync(name, cancellationToken) ?? throw NoMachine(request.StateMachineArn);
        if (machine.Type != Express)
        {
            throw new WorkflowException(WorkflowErrors.StateMachineTypeNotSupported, "StartSyncExecution runs EXPRESS state machines only.");
        }

        var version = await store.FindVersionAsync(machine.Name, versionNumber ?? machine.CurrentVersion, cancellationToken) ?? throw NoMachine(request.StateMachineArn);
        return await express.RunAsync(machine, version, executionName, input, cancellationToken);
    }

    public async Task<ExecutionDescription> DescribeExecutionAsync(string executionArn, CancellationToken cancellationToken)
    {
        var record = await FindExecutionAsync(executionArn, cancellationToken);
        return Describe(record);
    }

    /// <summary>By ARN or by the short id the REST API shows.</summary>
    public async Task<ExecutionRecord> FindExecutionAsync(string arnOrId, CancellationToken cancellationToken) =>
        await store.FindExecutionAsync(arnOrId ?? string.Empty, cancellationToken) ?? throw NoExecution(arnOrId ?? string.Empty);

    public ExecutionDescription Describe(ExecutionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new ExecutionDescription(
            record.Arn, arns.StateMachine(record.Machine), record.Name, record.Status, DateTimeOffset.FromUnixTimeMilliseconds(record.StartedAt),
            record.StoppedAt is { } stopped ? DateTimeOffset.FromUnixTimeMilliseconds(stopped) : null,
            record.Input, record.Output, record.Error, record.Cause, arns.Version(record.Machine, record.Version), record.TraceHeader);
    }

    public async Task<WorkflowPage<ExecutionListItem>> ListExecutionsAsync(
        string stateMachineArn, string? statusFilter, string? nextToken, int? maxResults, CancellationToken cancellationToken)
    {
        var name = MachineName(stateMachineArn);
        if (statusFilter is not null && !ExecutionStatuses.All.Contains(statusFilter))
        {
            throw new WorkflowException(WorkflowErrors.ValidationException, $"statusFilter must be one of {string.Join(", ", ExecutionStatuses.All)}.");
        }

        var machine = await store.FindMachineAsync(name, cancellationToken) ?? throw NoMachine(stateMachineArn);
        var size = PageSize(maxResults);
        ExecutionCursor? after = null;
        if (nextToken is not null)
        {
            var parts = Untoken(nextToken).Split('|', 2);
            after = parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var started)
                ? new ExecutionCursor(started, parts[1])
                : throw new WorkflowException(WorkflowErrors.InvalidToken, "Invalid Token: 'Invalid token'");
        }

        var rows = await store.ListExecutionsAsync(machine.Name, statusFilter, after, size + 1, cancellationToken);
        var page = rows.Take(size).ToList();
        var token = rows.Count > size ? Token(string.Create(CultureInfo.InvariantCulture, $"{page[^1].StartedAt}|{page[^1].Arn}")) : null;
        return new WorkflowPage<ExecutionListItem>(
            page.Select(r => new ExecutionListItem(r.Arn, machine.Arn, r.Name, r.Status, DateTimeOffset.FromUnixTimeMilliseconds(r.StartedAt),
                r.StoppedAt is { } s ? DateTimeOffset.FromUnixTimeMilliseconds(s) : null)).ToList(),
            token);
    }

    public async Task<WorkflowPage<JsonObject>> GetExecutionHistoryAsync(
        string executionArn, bool reverseOrder, bool includeExecutionData, string? nextToken, int? maxResults, CancellationToken cancellationToken)
    {
        var record = await FindExecutionAsync(executionArn, cancellationToken);
        var size = PageSize(maxResults);
        long? after = null;
        if (nextToken is not null)
        {
            after = long.TryParse(Untoken(nextToken), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? id
                : throw new WorkflowException(WorkflowErrors.InvalidToken, "Invalid Token: 'Invalid token'");
        }

        var rows = await store.ReadHistoryAsync(record.Arn, after, reverseOrder, size + 1, cancellationToken);
        var page = rows.Take(size).Select(r => HistoryJson(r.Event, includeExecutionData)).ToList();
        return new WorkflowPage<JsonObject>(page, rows.Count > size ? Token(rows[size - 1].Id.ToString(CultureInfo.InvariantCulture)) : null);
    }

    public async Task<DateTimeOffset> StopExecutionAsync(string executionArn, string? errorName, string? cause, CancellationToken cancellationToken)
    {
        var record = await FindExecutionAsync(executionArn, cancellationToken);
        return await database.WriteAsync(async scope =>
        {
            await runtime.SignalAsync(scope, record.Arn, new StopRequested(errorName, cause));
            var stopped = await store.FindExecutionAsync(scope, record.Arn);
            return stopped?.StoppedAt is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : scope.Now;
        }, cancellationToken);
    }

    private static JsonObject HistoryJson(string text, bool includeExecutionData)
    {
        var json = JsonNode.Parse(text)!.AsObject();
        if (!includeExecutionData)
        {
            foreach (var details in json.Where(p => p.Key.EndsWith("EventDetails", StringComparison.Ordinal)).Select(p => p.Value).OfType<JsonObject>().ToList())
            {
                details.Remove("input");
                details.Remove("inputDetails");
                details.Remove("output");
                details.Remove("outputDetails");
            }
        }

        return json;
    }
}
