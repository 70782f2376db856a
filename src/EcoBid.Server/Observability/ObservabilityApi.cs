using System.Globalization;
using EcoBid.Events.Storage;
using EcoBid.Server.Http;
using EcoBid.Server.Identity;
using EcoBid.Server.Observability.Business;
using EcoBid.Server.Observability.Trace;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoBid.Server.Observability;

/// <summary>The operator's view without a tracing or metrics backend: business time series and one correlation id's trace.</summary>
public static class ObservabilityApi
{
    public static readonly TimeSpan DefaultRange = TimeSpan.FromDays(1);
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(93);

    public static IEndpointRouteBuilder MapObservabilityApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/admin").WithTags("Admin").RequireAuthorization(CurrentUser.AdminPolicy);
        group.MapGet("/metrics/business", Business)
            .WithSummary("Hourly business figures (items posted, reservation, completion and no-show rates, auction sell-through, user growth) from `from` to `to` (ISO 8601; default the last 24 h, at most 93 days).");
        group.MapGet("/trace/{correlationId}", Trace).ProducesProblem(404)
            .WithSummary("The events one correlation id set off, in order, with each target's delivery: handled when and how long after the event, or where it waits, and this process's recent attempts.");
        return routes;
    }

    public static async Task<Results<Ok<BusinessSeries>, ValidationProblem>> Business(
        string? from, string? to, IEventDatabase database, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var end = clock.GetUtcNow();
        if (to is not null && !TryParseTime(to, out end))
        {
            return Problems.Validation("to", "to must be an ISO 8601 time, such as 2026-12-01T00:00:00Z.");
        }

        var start = end - DefaultRange;
        if (from is not null && !TryParseTime(from, out start))
        {
            return Problems.Validation("from", "from must be an ISO 8601 time, such as 2026-12-01T00:00:00Z.");
        }

        if (start >= end)
        {
            return Problems.Validation("from", "from must be before to.");
        }

        if (end - start > MaxRange)
        {
            return Problems.Validation("to", $"The range may span at most {MaxRange.TotalDays:0} days.");
        }

        return TypedResults.Ok(await database.ReadAsync(connection => BusinessMetricsQuery.HourlyAsync(connection, start, end, cancellationToken), cancellationToken));
    }

    public static async Task<Results<Ok<CorrelationTrace>, ProblemHttpResult>> Trace(string correlationId, CorrelationTraceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var trace = await query.ReadAsync(correlationId, cancellationToken);
        return trace.Events.Count == 0
            ? Problems.NotFound($"No event carries the correlation id '{correlationId}' (or its events are past the archive's retention).")
            : TypedResults.Ok(trace);
    }

    private static bool TryParseTime(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
}
