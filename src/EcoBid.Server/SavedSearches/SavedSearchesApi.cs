using System.Security.Claims;
using System.Text.Json;
using Dapper;
using EcoBid.Domain.Geo;
using EcoBid.Domain.Items;
using EcoBid.Domain.Notifications;
using EcoBid.Domain.Validation;
using EcoBid.Events.Storage;
using EcoBid.Server.Http;
using EcoBid.Server.Identity;
using EcoBid.Server.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoBid.Server.SavedSearches;

/// <summary>Saved searches: alerts about new items nearby. Each person sees and deletes only their own (others' are 404).</summary>
public static class SavedSearchesApi
{
    public const int MaxPerUser = 20;
    public const int NameMaxLength = 60;

    public static IEndpointRouteBuilder MapSavedSearchesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/saved-searches").WithTags("Saved searches").RequireAuthorization();
        group.MapPost("/", Create).ProducesProblem(409).WithSummary("Saves a search: new items that match it (nearby, category, keywords) alert you.");
        group.MapGet("/", List).WithSummary("Your saved searches.");
        group.MapGet("/{id}", Get).ProducesProblem(404).WithSummary("One of your saved searches.");
        group.MapDelete("/{id}", Delete).ProducesProblem(404).WithSummary("Deletes one of your saved searches.");
        return routes;
    }

    public static async Task<Results<Created<SavedSearchResponse>, ValidationProblem, ProblemHttpResult>> Create(
        SavedSearchRequest request, ClaimsPrincipal user, IEventDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        var name = request.Name?.Trim() ?? string.Empty;
        if (name.Length > NameMaxLength || name.Any(char.IsControl))
        {
            errors.Add("name", $"A name has at most {NameMaxLength} characters.");
        }

        if (request.Location?.Lat is not { } lat || !GeoPoint.IsValidLatitude(lat))
        {
            errors.Add("location.lat", "The latitude must be between -90 and 90.");
        }

        if (request.Location?.Lon is not { } lon || !GeoPoint.IsValidLongitude(lon))
        {
            errors.Add("location.lon", "The longitude must be between -180 and 180.");
        }

        if (request.RadiusKm is not { } radius || !double.IsFinite(radius) || radius < SavedSearchCriteria.MinRadiusKm || radius > SavedSearchCriteria.MaxRadiusKm)
        {
            errors.Add("radiusKm", $"The radius is between {SavedSearchCriteria.MinRadiusKm} and {SavedSearchCriteria.MaxRadiusKm} km.");
        }

        var categories = (request.Categories ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (categories.Any(c => !ItemCategory.IsKnown(c)))
        {
            errors.Add("categories", $"Categories are among: {string.Join(", ", ItemCategory.All)}.");
        }

        var keywords = ItemWords.Of(request.Keywords ?? string.Empty).Order(StringComparer.Ordinal).ToList();
        if (keywords.Count > SavedSearchCriteria.MaxKeywords || keywords.Any(k => k.Length > SavedSearchCriteria.MaxKeywordLength))
        {
            errors.Add("keywords", $"At most {SavedSearchCriteria.MaxKeywords} keywords of up to {SavedSearchCriteria.MaxKeywordLength} characters.");
        }

        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        var userId = user.Id();
        return await database.WriteAsync<Results<Created<SavedSearchResponse>, ValidationProblem, ProblemHttpResult>>(async scope =>
        {
            await AggregateLocks.UserAsync(scope, userId);
            var count = await scope.Connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM saved_searches WHERE user_id = @userId", new { userId }, scope.Transaction);
            if (count >= MaxPerUser)
            {
                return Problems.Conflict($"You have {MaxPerUser} saved searches, the most one person may keep; delete one first.");
            }

            var search = new SavedSearchRecord
            {
                Id = Guid.CreateVersion7(scope.Now).ToString(),
                UserId = userId,
                Name = name.Length > 0 ? name : keywords.Count > 0 ? string.Join(' ', keywords) : "Nearby",
                Lat = request.Location!.Lat!.Value,
                Lon = request.Location.Lon!.Value,
                RadiusKm = request.RadiusKm!.Value,
                Categories = JsonSerializer.Serialize(categories),
                Keywords = JsonSerializer.Serialize(keywords),
                CreatedAt = scope.Now.ToUnixTimeMilliseconds(),
            };
            await SavedSearchStore.InsertAsync(scope, search);
            return TypedResults.Created($"/saved-searches/{search.Id}", SavedSearchResponse.From(search));
        }, cancellationToken);
    }

    public static async Task<Ok<List<SavedSearchResponse>>> List(ClaimsPrincipal user, IEventDatabase database, CancellationToken cancellationToken) =>
        TypedResults.Ok((await database.ReadAsync(db => SavedSearchStore.ForUserAsync(db, user.Id()), cancellationToken)).Select(SavedSearchResponse.From).ToList());

    public static async Task<Results<Ok<SavedSearchResponse>, ProblemHttpResult>> Get(string id, ClaimsPrincipal user, IEventDatabase database, CancellationToken cancellationToken)
    {
        var search = await database.ReadAsync(db => SavedSearchStore.FindAsync(db, id), cancellationToken);
        return search is null || search.UserId != user.Id() ? Problems.NotFound("No such saved search of yours.") : TypedResults.Ok(SavedSearchResponse.From(search));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, ClaimsPrincipal user, IEventDatabase database, CancellationToken cancellationToken)
    {
        var userId = user.Id();
        var deleted = await database.WriteAsync(scope => SavedSearchStore.DeleteAsync(scope, id, userId), cancellationToken);
        return deleted ? TypedResults.NoContent() : Problems.NotFound("No such saved search of yours.");
    }
}
