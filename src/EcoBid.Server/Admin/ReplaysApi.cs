using System.Text.Json;
using EcoBid.Events.Archive;
using EcoBid.Server.Http;
using EcoBid.Server.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoBid.Server.Admin;

/// <summary>
/// EventBridge's archive replay: re-deliver archived events in an event-time range, optionally filtered by a pattern
/// and narrowed to some targets. A replay is recorded here and delivered by the worker's replay runner.
/// </summary>
public static class ReplaysApi
{
    public static IEndpointRouteBuilder MapReplaysApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/admin/replays").WithTags("Admin").RequireAuthorization(CurrentUser.AdminPolicy);
        group.MapPost("/", StartReplay).ProducesProblem(409).WithName("StartReplay")
            .WithSummary("Starts a replay of archived events in [from, to), optionally filtered by an event pattern and narrowed to targets.");
        group.MapGet("/", ListReplays).WithSummary("Every replay, newest first, with its state and progress.");
        group.MapGet("/{name}", GetReplay).ProducesProblem(404).WithName("GetReplay").WithSummary("One replay's state and progress.");
        group.MapPost("/{name}/cancel", CancelReplay).ProducesProblem(404).ProducesProblem(409).WithSummary("Cancels a pending or running replay; it stops before its next batch.");
        return routes;
    }

    public static async Task<Results<Accepted<ReplayResponse>, ValidationProblem, ProblemHttpResult>> StartReplay(
        StartReplayRequest request, ReplayService replays, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(replays);
        if (request.EventPattern is { } pattern && !IsValidText(pattern))
        {
            return Problems.Validation("eventPattern", "The event pattern is not valid: " + JsonText.Problem);
        }

        var result = await replays.StartAsync(
            new ReplayRequest(request.Name, request.From, request.To, PatternText(request.EventPattern), request.Targets), cancellationToken);
        if (result.Errors is { } errors)
        {
            return Problems.Validation(errors);
        }

        if (result.Started is not { } replay)
        {
            return Problems.Conflict($"A replay named '{request.Name}' exists already; replay names are never reused, so pick a new one.");
        }

        return TypedResults.Accepted($"/admin/replays/{Uri.EscapeDataString(replay.Name)}", ReplayResponse.Create(replay));
    }

    public static async Task<Ok<List<ReplayResponse>>> ListReplays(ReplayService replays, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replays);
        return TypedResults.Ok((await replays.ListAsync(cancellationToken)).Select(ReplayResponse.Create).ToList());
    }

    public static async Task<Results<Ok<ReplayResponse>, ProblemHttpResult>> GetReplay(string name, ReplayService replays, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replays);
        var replay = await replays.FindAsync(name, cancellationToken);
        return replay is null ? UnknownReplay(name) : TypedResults.Ok(ReplayResponse.Create(replay));
    }

    public static async Task<Results<Ok<ReplayResponse>, ProblemHttpResult>> CancelReplay(string name, ReplayService replays, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replays);
        var replay = await replays.CancelAsync(name, cancellationToken);
        if (replay is null)
        {
            return UnknownReplay(name);
        }

        // Cancelling a cancelled replay is a no-op success, so a client can retry the call safely.
        return replay.State is ReplayState.Completed or ReplayState.Failed
            ? Problems.Conflict($"Replay '{replay.Name}' is {replay.State.Name()} already; only a pending or running replay can be cancelled.")
            : TypedResults.Ok(ReplayResponse.Create(replay));
    }

    /// <summary>The pattern as text: a string is taken as the pattern's JSON, anything else as JSON itself, and the parser names what is wrong.</summary>
    /// <summary>The pattern, and the pattern a string holds, are valid Unicode text (the pattern compiler would throw on it).</summary>
    private static bool IsValidText(JsonElement pattern) =>
        JsonText.IsValidText(pattern) && (pattern.ValueKind != JsonValueKind.String || JsonText.IsValidText(pattern.GetString()!));

    private static string? PatternText(JsonElement? pattern) => pattern switch
    {
        null => null,
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        { ValueKind: JsonValueKind.String } text => text.GetString(),
        { } json => json.GetRawText(),
    };

    private static ProblemHttpResult UnknownReplay(string name) =>
        Problems.NotFound($"No replay '{(name.Length > ReplayValidation.MaxNameLength ? name[..ReplayValidation.MaxNameLength] + "…" : name)}'; GET /admin/replays lists them.");
}
