using System.Security.Claims;
using System.Text.Json.Nodes;
using EcoBid.Server.Http;
using EcoBid.Server.Identity;
using EcoBid.Server.Workflows.Contract;
using EcoBid.Server.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoBid.Server.Workflows.Api;

/// <summary>
/// The workflow API: admins start, list, read and stop executions; whoever started an execution (a bulk posting, a
/// dispute) may read it and its history. Refusals are problems carrying Step Functions' error code.
/// </summary>
public static class WorkflowsApi
{
    public static IEndpointRouteBuilder MapWorkflowsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/workflows").WithTags("Workflows").RequireAuthorization();
        group.MapGet("", ListStateMachines).RequireAuthorization(CurrentUser.AdminPolicy).WithSummary("The state machines, by name.");
        group.MapPost("/{stateMachine}/executions", Start).RequireAuthorization(CurrentUser.AdminPolicy)
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).WithSummary("Starts an execution; a name given twice with the same input returns the first.");
        group.MapGet("/{stateMachine}/executions", RuntimeBinding.Of(List)).RequireAuthorization(CurrentUser.AdminPolicy)
            .ProducesProblem(400).ProducesProblem(404).WithSummary("The machine's executions, newest first, optionally of one status.");
        group.MapGet("/executions/{id}", Describe).ProducesProblem(404).WithSummary("One execution: status, input, output, error, cause, start and stop.");
        group.MapGet("/executions/{id}/history", RuntimeBinding.Of(History)).ProducesProblem(400).ProducesProblem(404).WithSummary("The execution's history events, a page at a time.");
        group.MapPost("/executions/{id}/stop", Stop).RequireAuthorization(CurrentUser.AdminPolicy).ProducesProblem(404).WithSummary("Stops a running execution (ABORTED).");
        return routes;
    }

    public static async Task<Results<Ok<List<StateMachineView>>, ProblemHttpResult>> ListStateMachines(WorkflowService workflows, CancellationToken cancellationToken)
    {
        var all = new List<StateMachineView>();
        string? token = null;
        do
        {
            var page = await workflows.ListStateMachinesAsync(token, 1000, cancellationToken);
            all.AddRange(page.Items.Select(m => new StateMachineView(m.Name, m.StateMachineArn, m.Type, m.CreationDate)));
            token = page.NextToken;
        }
        while (token is not null);
        return TypedResults.Ok(all);
    }

    public static async Task<Results<Created<StartedExecutionView>, ProblemHttpResult>> Start(
        string stateMachine, StartExecutionBody? body, WorkflowService workflows, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        try
        {
            var started = await workflows.StartAsync(
                new StartExecutionRequest(stateMachine, body?.Name, (body?.Input ?? new JsonObject()).ToJsonString()), user.Id(), cancellationToken);
            var id = (await workflows.FindExecutionAsync(started.ExecutionArn, cancellationToken)).Id;
            return TypedResults.Created($"/workflows/executions/{id}", new StartedExecutionView(id, started.ExecutionArn, started.StartDate));
        }
        catch (WorkflowException ex)
        {
            return WorkflowProblems.From(ex);
        }
    }

    public static async Task<Results<Ok<CursorPage<ExecutionSummaryView>>, ProblemHttpResult>> List(
        string stateMachine, string? status, string? cursor, int? limit, WorkflowService workflows, CancellationToken cancellationToken)
    {
        try
        {
            var page = await workflows.ListExecutionsAsync(stateMachine, status, cursor, limit ?? 50, cancellationToken);
            var views = new List<ExecutionSummaryView>();
            foreach (var item in page.Items)
            {
                var record = await workflows.FindExecutionAsync(item.ExecutionArn, cancellationToken);
                views.Add(new ExecutionSummaryView(record.Id, item.ExecutionArn, item.Name, item.Status, item.StartDate, item.StopDate));
            }

            return TypedResults.Ok(new CursorPage<ExecutionSummaryView>(views, page.NextToken));
        }
        catch (WorkflowException ex)
        {
            return WorkflowProblems.From(ex);
        }
    }

    public static async Task<Results<Ok<ExecutionView>, ProblemHttpResult>> Describe(string id, WorkflowService workflows, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        try
        {
            var record = await ReadableAsync(id, workflows, user, cancellationToken);
            return TypedResults.Ok(View(record));
        }
        catch (WorkflowException ex)
        {
            return WorkflowProblems.From(ex);
        }
    }

    public static async Task<Results<Ok<HistoryPageView>, ProblemHttpResult>> History(
        string id, string? cursor, int? limit, bool? reverse, WorkflowService workflows, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        try
        {
            var record = await ReadableAsync(id, workflows, user, cancellationToken);
            var page = await workflows.GetExecutionHistoryAsync(record.Arn, reverse ?? false, true, cursor, limit ?? 100, cancellationToken);
            return TypedResults.Ok(new HistoryPageView(page.Items, page.NextToken));
        }
        catch (WorkflowException ex)
        {
            return WorkflowProblems.From(ex);
        }
    }

    public static async Task<Results<Ok<StoppedView>, ProblemHttpResult>> Stop(string id, StopExecutionBody? body, WorkflowService workflows, CancellationToken cancellationToken)
    {
        try
        {
            var record = await workflows.FindExecutionAsync(id, cancellationToken);
            var stopped = await workflows.StopExecutionAsync(record.Arn, body?.Error, body?.Cause, cancellationToken);
            return TypedResults.Ok(new StoppedView(record.Arn, stopped));
        }
        catch (WorkflowException ex)
        {
            return WorkflowProblems.From(ex);
        }
    }

    public static ExecutionView View(ExecutionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new ExecutionView(
            record.Id, record.Arn, record.Machine, record.Version, record.Name, record.Status,
            JsonNode.Parse(record.Input), record.Output is null ? null : JsonNode.Parse(record.Output), record.Error, record.Cause,
            DateTimeOffset.FromUnixTimeMilliseconds(record.StartedAt), record.StoppedAt is { } s ? DateTimeOffset.FromUnixTimeMilliseconds(s) : null);
    }

    /// <summary>The execution, if the caller is an admin or started it; otherwise it does not exist for them.</summary>
    private static async Task<ExecutionRecord> ReadableAsync(string id, WorkflowService workflows, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var record = await workflows.FindExecutionAsync(id, cancellationToken);
        return user.IsAdmin() || (record.StartedBy is { } owner && owner == user.Id())
            ? record
            : throw new WorkflowException(WorkflowErrors.ExecutionDoesNotExist, $"Execution Does Not Exist: '{id}'");
    }
}
