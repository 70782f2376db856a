using System.Security.Claims;
using EcoBid.Events.Storage;
using EcoBid.Server.Http;
using EcoBid.Server.Identity;
using EcoBid.Server.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace EcoBid.Server.Items.Bulk;

/// <summary>
/// Bulk item posting: up to 200 items at once, as JSON or CSV. The request is only read and stored; the
/// BulkItemPosting state machine posts each item as <c>POST /items</c> would, and the report says what became of each.
/// A posting is visible to its poster and to admins only.
/// </summary>
public static class BulkPostingsApi
{
    public const string Json = "json";
    public const string Csv = "csv";

    public static IEndpointRouteBuilder MapBulkPostingsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/items/bulk").WithTags("Items").RequireAuthorization();
        group.MapPost("/", Start).Accepts<BulkItemsRequest>("application/json", "text/csv").ProducesValidationProblem()
            .WithName("PostItemsInBulk").WithSummary("Posts up to 200 items at once, from JSON ({\"items\": [...]}) or CSV with a header row; 202 and a report to poll.");
        group.MapGet("/{id}", Get).ProducesProblem(404).WithName("GetBulkPosting").WithSummary("A bulk posting: status, counts, and each item's outcome in input order.");
        return routes;
    }

    public static async Task<Results<Accepted<BulkPostingAccepted>, ValidationProblem, ProblemHttpResult>> Start(
        HttpRequest request, ClaimsPrincipal user, IEventDatabase database, WorkflowArns arns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;
        BulkItems read;
        string format;
        if (mediaType is "application/json" || mediaType?.EndsWith("+json", StringComparison.Ordinal) == true)
        {
            format = Json;
            read = await BulkItemsReader.ReadJsonAsync(request.Body, cancellationToken);
        }
        else if (mediaType is "text/csv")
        {
            format = Csv;
            using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
            read = BulkItemsReader.ReadCsv(await reader.ReadToEndAsync(cancellationToken));
        }
        else
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type.",
                detail: "Send application/json ({\"items\": [...]}) or text/csv with a header row.");
        }

        if (read.Errors is { } errors)
        {
            return Problems.Validation(errors);
        }

        var sellerId = user.Id();
        var posting = await database.WriteAsync(scope => BulkPostingStore.CreateAsync(scope, arns, sellerId, format, read.Items), cancellationToken);
        return TypedResults.Accepted($"/items/bulk/{posting.Id}", new BulkPostingAccepted(posting.Id, posting.ExecutionArn, posting.Status));
    }

    public static async Task<Results<Ok<BulkPostingReport>, ProblemHttpResult>> Get(string id, ClaimsPrincipal user, IEventDatabase database, CancellationToken cancellationToken)
    {
        var (posting, rows) = await database.ReadAsync(async connection =>
        {
            var found = await BulkPostingStore.FindAsync(connection, id);
            var rows = found is null ? [] : await BulkPostingStore.ItemsAsync(connection, found.Id);
            return (found, rows);
        }, cancellationToken);
        return posting is null || (posting.SellerId != user.Id() && !user.IsAdmin())
            ? Problems.NotFound("No such bulk posting.")
            : TypedResults.Ok(BulkPostingReport.From(posting, rows));
    }
}
