using EcoBid.Events.Scheduling;
using EcoBid.Events.Timers;
using EcoBid.Server.Http;
using EcoBid.Server.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoBid.Server.Schedules;

public static class SchedulesApi
{
    public static IEndpointRouteBuilder MapSchedulesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/schedules/test-expression", TestExpression).WithTags("Schedules")
            .WithSummary("The next fire times (UTC) of an at/rate/cron expression in a time zone.");
        routes.MapGet("/admin/schedules", RuntimeBinding.Of(ListSchedules)).WithTags("Admin").RequireAuthorization(CurrentUser.AdminPolicy)
            .WithSummary("The recurring schedules and the pending timers, with their next fire times.");
        return routes;
    }

    public static Results<Ok<TestExpressionResponse>, ValidationProblem> TestExpression(TestExpressionRequest request, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = ScheduleLookahead.Next(request.Expression, request.Timezone, request.From, request.Count, clock);
        return outcome.Error is { } error
            ? Problems.Validation(outcome.Field!, error)
            : TypedResults.Ok(new TestExpressionResponse(request.Expression!, outcome.FireTimes));
    }

    public static async Task<Ok<SchedulesResponse>> ListSchedules(ScheduleSet schedules, ITimerStore timers, int? limit, CancellationToken cancellationToken)
    {
        var states = (await timers.ListSchedulesAsync(cancellationToken)).ToDictionary(s => s.Name, StringComparer.Ordinal);
        var pending = await timers.ListAsync(Math.Clamp(limit ?? 100, 1, 1000), cancellationToken);
        var nextBySchedule = pending.Where(t => t.Schedule is not null).ToDictionary(t => t.Schedule!, t => t.DueAt, StringComparer.Ordinal);
        return TypedResults.Ok(new SchedulesResponse(
            [.. schedules.Schedules.Select(s => new ScheduleResponse(
                s.Name, s.Description, s.Expression.Text, s.TimeZone.Id, s.StartDate, s.EndDate,
                states.GetValueOrDefault(s.Name)?.LastFiredAt, nextBySchedule.TryGetValue(s.Name, out var next) ? next : null))],
            [.. pending.Select(t => new TimerResponse(t.Key, t.DueAt, t.Schedule))]));
    }
}

public sealed record TestExpressionRequest(string? Expression, string? Timezone, string? From, int? Count);

public sealed record TestExpressionResponse(string Expression, IReadOnlyList<DateTimeOffset> FireTimes);

public sealed record SchedulesResponse(IReadOnlyList<ScheduleResponse> Schedules, IReadOnlyList<TimerResponse> PendingTimers);

public sealed record ScheduleResponse(string Name, string Description, string Expression, string Timezone, DateTimeOffset? StartDate, DateTimeOffset? EndDate, DateTimeOffset? LastFiredAt, DateTimeOffset? NextFireAt);

public sealed record TimerResponse(string Key, DateTimeOffset DueAt, string? Schedule);
