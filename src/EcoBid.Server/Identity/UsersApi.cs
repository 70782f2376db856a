using System.Security.Claims;
using System.Text.Json;
using Dapper;
using EcoBid.Domain.Events;
using EcoBid.Domain.Geo;
using EcoBid.Domain.Validation;
using EcoBid.Events.Storage;
using EcoBid.Server.Events;
using EcoBid.Server.Http;
using EcoBid.Server.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoBid.Server.Identity;

/// <summary>Profiles: your own in full, anyone's public view, and changes to your own only.</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/users").WithTags("Users");
        group.MapGet("/me", GetMe).ProducesProblem(404).RequireAuthorization().WithSummary("Your own profile, with private fields.");
        group.MapGet("/{id}", GetUser).ProducesProblem(404).WithSummary("A user's public profile: name, rating, pickups, no-shows.");
        group.MapPut("/me", UpdateMe).ProducesProblem(404).RequireAuthorization().WithSummary("Changes your own profile: display name, home location, locale, notification preferences (each kind given replaces its channels; null restores its default).");
        group.MapPut("/{id}", UpdateUser).ProducesProblem(403).ProducesProblem(404).RequireAuthorization().WithSummary("Changes your own profile, like PUT /users/me; any other id is 403.");
        return routes;
    }

    public static async Task<Results<Ok<PrivateProfile>, ProblemHttpResult>> GetMe(ClaimsPrincipal principal, IEventDatabase database, CancellationToken cancellationToken)
    {
        var user = await database.ReadAsync(connection => AccountStore.FindByIdAsync(connection, principal.Id()), cancellationToken);
        return user is null ? Problems.NotFound("Your account no longer exists.") : TypedResults.Ok(PrivateProfile.From(user));
    }

    public static async Task<Results<Ok<PublicProfile>, ProblemHttpResult>> GetUser(string id, IEventDatabase database, CancellationToken cancellationToken)
    {
        var user = await database.ReadAsync(connection => AccountStore.FindByIdAsync(connection, id), cancellationToken);
        return user is null ? Problems.NotFound("No such user.") : TypedResults.Ok(PublicProfile.From(user));
    }

    public static Task<Results<Ok<PrivateProfile>, ValidationProblem, ProblemHttpResult>> UpdateMe(
        UpdateProfileRequest request, ClaimsPrincipal principal, IEventDatabase database, CancellationToken cancellationToken) =>
        UpdateUser(principal.Id(), request, principal, database, cancellationToken);

    public static async Task<Results<Ok<PrivateProfile>, ValidationProblem, ProblemHttpResult>> UpdateUser(
        string id, UpdateProfileRequest request, ClaimsPrincipal principal, IEventDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (id != principal.Id())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.", detail: "You can change only your own profile.");
        }

        var errors = new ValidationErrors();
        var changed = new List<string>();
        var name = request.DisplayName?.Trim();
        if (request.DisplayName is not null)
        {
            if (name!.Length is 0 or > AuthApi.DisplayNameMaxLength || name.Any(char.IsControl))
            {
                errors.Add("displayName", $"A display name has 1 to {AuthApi.DisplayNameMaxLength} characters.");
            }

            changed.Add("displayName");
        }

        if (request.HomeLocation is { } home)
        {
            if (home.Lat is not { } lat || !GeoPoint.IsValidLatitude(lat))
            {
                errors.Add("homeLocation.lat", "The latitude must be between -90 and 90.");
            }

            if (home.Lon is not { } lon || !GeoPoint.IsValidLongitude(lon))
            {
                errors.Add("homeLocation.lon", "The longitude must be between -180 and 180.");
            }

            changed.Add("homeLocation");
        }

        if (request.NotificationPreferences is { } prefs)
        {
            NotificationPreferenceRules.Check(prefs, errors);
            changed.Add("notificationPreferences");
        }

        if (request.Locale is { } locale)
        {
            if (!Locales.IsKnown(locale))
            {
                errors.Add("locale", $"The locale is one of {string.Join(", ", Locales.All)}.");
            }

            changed.Add("locale");
        }

        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        var updated = await database.WriteAsync(async scope =>
        {
            var current = await AccountStore.FindByIdAsync(scope.Connection, id, scope.Transaction);
            if (current is null)
            {
                return null;
            }

            await scope.Connection.ExecuteAsync(
                """
                UPDATE users SET
                    display_name = COALESCE(@name, display_name),
                    home_lat = CASE WHEN @setHome = 1 THEN @lat ELSE home_lat END,
                    home_lon = CASE WHEN @setHome = 1 THEN @lon ELSE home_lon END,
                    notification_prefs = COALESCE(@prefs, notification_prefs),
                    locale = COALESCE(@locale, locale),
                    updated_at = @now
                WHERE id = @id
                """,
                new
                {
                    name,
                    setHome = request.HomeLocation is not null ? 1 : 0,
                    lat = request.HomeLocation?.Lat,
                    lon = request.HomeLocation?.Lon,
                    prefs = request.NotificationPreferences is null ? null : NotificationPreferenceRules.Merge(current.NotificationPrefs, request.NotificationPreferences),
                    locale = request.Locale,
                    now = scope.Now.ToUnixTimeMilliseconds(),
                    id,
                },
                scope.Transaction);
            if (changed.Count > 0)
            {
                await scope.PublishAsync(new UserProfileUpdated(id, changed, scope.Now));
            }

            return await AccountStore.FindByIdAsync(scope.Connection, id, scope.Transaction);
        }, cancellationToken);
        return updated is null ? Problems.NotFound("Your account no longer exists.") : TypedResults.Ok(PrivateProfile.From(updated));
    }
}

public sealed record UpdateProfileRequest(
    string? DisplayName, LocationUpdate? HomeLocation, Dictionary<string, List<string>?>? NotificationPreferences, string? Locale = null);

public sealed record LocationUpdate(double? Lat, double? Lon);

public sealed record PublicProfile(string Id, string DisplayName, double? RatingAverage, long RatingCount, long CompletedPickups, long NoShows, DateTimeOffset MemberSince)
{
    public static PublicProfile From(UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new PublicProfile(
            user.Id, user.DisplayName, user.RatingCount == 0 ? null : Math.Round((double)user.RatingSum / user.RatingCount, 2),
            user.RatingCount, user.CompletedPickups, user.NoShows, DateTimeOffset.FromUnixTimeMilliseconds(user.CreatedAt));
    }
}

public sealed record PrivateProfile(
    string Id, string Email, string DisplayName, string Role, bool EmailVerified, bool MfaEnabled, LocationUpdate? HomeLocation,
    JsonElement NotificationPreferences, PublicProfile Public, string Locale)
{
    public static PrivateProfile From(UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        using var prefs = JsonDocument.Parse(user.NotificationPrefs);
        return new PrivateProfile(
            user.Id, user.Email, user.DisplayName, user.Role, user.EmailVerifiedAt is not null, user.TotpEnabled,
            user.HomeLat is null ? null : new LocationUpdate(user.HomeLat, user.HomeLon), prefs.RootElement.Clone(), PublicProfile.From(user), user.Locale);
    }
}
