using EcoBid.Events.Queues;
using EcoBid.Events.Rules;
using EcoBid.Server.Http;
using EcoBid.Server.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoBid.Server.Admin;

/// <summary>Operating the runtime: queue depths, dead-letter queues, redrive and purge.</summary>
public static class AdminApi
{
    public const int MaxListed = 500;

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/admin").WithTags("Admin").RequireAuthorization(CurrentUser.AdminPolicy);
        group.MapGet("/queues", ListQueues).WithSummary("Every target's queue: visible, in flight, delayed, dead-lettered, age of the oldest message.");
        group.MapGet("/dlq/{queue}", RuntimeBinding.Of(ListDeadLetters)).ProducesProblem(404).WithSummary("The messages in a target's dead-letter queue, with the last error and receive count.");
        group.MapPost("/dlq/{queue}/redrive", Redrive).ProducesProblem(404).WithSummary("Moves dead letters (all, or the ids given) back to their source queue.");
        group.MapDelete("/dlq/{queue}", Purge).ProducesProblem(404).WithSummary("Deletes a dead-letter queue's messages; ?confirm= must repeat the queue name.");
        return routes;
    }

    public static async Task<Ok<List<QueueStatsResponse>>> ListQueues(IMessageQueue queues, RuleSet rules, TimeProvider clock, CancellationToken cancellationToken)
    {
        var stats = (await queues.GetStatsAsync(cancellationToken)).ToDictionary(s => s.Queue, StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var names = rules.Targets.Keys.Concat(stats.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return TypedResults.Ok(names.Select(name =>
        {
            var s = stats.GetValueOrDefault(name) ?? new QueueStats(name, 0, 0, 0, 0, null);
            return new QueueStatsResponse(name, s.Visible, s.InFlight, s.Delayed, s.DeadLettered,
                s.OldestEnqueuedAt is { } oldest ? Math.Max(0, (now - oldest).TotalSeconds) : null);
        }).ToList());
    }

    public static async Task<Results<Ok<List<DeadLetter>>, ProblemHttpResult, ValidationProblem>> ListDeadLetters(
        string queue, int? limit, IMessageQueue queues, RuleSet rules, CancellationToken cancellationToken)
    {
        if (!rules.Targets.ContainsKey(queue))
        {
            return UnknownQueue(queue);
        }

        var take = limit ?? 100;
        if (take is < 1 or > MaxListed)
        {
            return Problems.Validation("limit", $"The limit must be between 1 and {MaxListed}.");
        }

        return TypedResults.Ok((await queues.ListDeadLettersAsync(queue, take, cancellationToken)).ToList());
    }

    public static async Task<Results<Ok<RedriveResponse>, ProblemHttpResult, ValidationProblem>> Redrive(
        string queue, RedriveRequest? request, IMessageQueue queues, RuleSet rules, CancellationToken cancellationToken)
    {
        if (!rules.Targets.ContainsKey(queue))
        {
            return UnknownQueue(queue);
        }

        var max = request?.Max ?? 10_000;
        if (max is < 1 or > 100_000)
        {
            return Problems.Validation("max", "max must be between 1 and 100000.");
        }

        if (request?.Ids is { Count: > MaxListed })
        {
            return Problems.Validation("ids", $"Give at most {MaxListed} ids; leave ids out to redrive everything.");
        }

        var moved = await queues.RedriveAsync(queue, request?.Ids, max, cancellationToken);
        return TypedResults.Ok(new RedriveResponse(queue, moved));
    }

    public static async Task<Results<Ok<PurgeResponse>, ProblemHttpResult, ValidationProblem>> Purge(
        string queue, string? confirm, IMessageQueue queues, RuleSet rules, CancellationToken cancellationToken)
    {
        if (!rules.Targets.ContainsKey(queue))
        {
            return UnknownQueue(queue);
        }

        if (!string.Equals(confirm, queue, StringComparison.Ordinal))
        {
            return Problems.Validation("confirm", $"Purging deletes messages for good: repeat the queue name, ?confirm={queue}.");
        }

        return TypedResults.Ok(new PurgeResponse(queue, await queues.PurgeDeadLettersAsync(queue, cancellationToken)));
    }

    private static ProblemHttpResult UnknownQueue(string queue) =>
        Problems.NotFound($"No target '{(queue.Length > 64 ? queue[..64] : queue)}' in the rules file; GET /admin/queues lists them.");
}

public sealed record QueueStatsResponse(string Queue, long Visible, long InFlight, long Delayed, long DeadLettered, double? OldestMessageAgeSeconds);

public sealed record RedriveRequest(IReadOnlyCollection<long>? Ids, int? Max);

public sealed record RedriveResponse(string Queue, int Redriven);

public sealed record PurgeResponse(string Queue, int Purged);
