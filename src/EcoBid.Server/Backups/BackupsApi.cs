using EcoBid.Events.Storage;
using EcoBid.Server.Http;
using EcoBid.Server.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoBid.Server.Backups;

public static class BackupsApi
{
    public static IEndpointRouteBuilder MapBackupsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/admin/backups").WithTags("Admin").RequireAuthorization(CurrentUser.AdminPolicy);
        group.MapGet("/", RuntimeBinding.Of(List)).WithSummary("Backup runs (scheduled and manual), newest first, and the complete backups in the backup folder.");
        group.MapPost("/", Request)
            .WithSummary("Asks the server for a backup now: 202 with the run, which a worker takes (see GET); 409 when the state is on PostgreSQL, whose own tools back it up.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    public static async Task<Ok<BackupsResponse>> List(BackupRunStore runs, IConfiguration configuration, int? limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var directory = BackupOptions.DirectoryFor(configuration);
        return TypedResults.Ok(new BackupsResponse(
            directory,
            await runs.ListAsync(Math.Clamp(limit ?? 50, 1, 500), cancellationToken),
            [.. BackupWriter.List(directory).Select(Path.GetFileName).OfType<string>()]));
    }

    public static async Task<Results<Accepted<BackupRun>, ProblemHttpResult>> Request(BackupRunStore runs, IEventDatabase database, IConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(database);
        if (BackupOptions.StateIsOnPostgres(configuration))
        {
            return TypedResults.Problem(BackupOptions.PostgresMessage, statusCode: StatusCodes.Status409Conflict, title: "Backups are PostgreSQL's here.");
        }

        var id = Guid.CreateVersion7().ToString();
        var run = await database.WriteAsync(async scope =>
        {
            await runs.RequestAsync(scope, id, "manual");
            return new BackupRun(id, "manual", "pending", scope.Now, null, null, null, null, null);
        }, cancellationToken);
        return TypedResults.Accepted($"/admin/backups#{id}", run);
    }
}

/// <summary>The backup folder, the runs asked for, and the complete backups the folder holds (names, newest first).</summary>
public sealed record BackupsResponse(string Directory, IReadOnlyList<BackupRun> Runs, IReadOnlyList<string> Backups);
