using EcoBid.Web.Localization;
using EcoBid.Web.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EcoBid.Web.Hosting;

/// <summary>The client's own small endpoints beside its pages: the live-channel token and the language switch.</summary>
public static class WebClientEndpoints
{
    public const string LiveHeader = "X-EcoBid-Live";

    public static IEndpointRouteBuilder MapWebClientEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/web").ExcludeFromDescription();
        group.MapGet("/live-token", LiveToken);
        group.MapGet("/language/{language}", SetLanguage);
        return routes;
    }

    /// <summary>
    /// The access token for the page's live module to sign in on <c>/ws</c> (and read what changed), never stored by the
    /// page beyond the connection. It must be asked for with a custom header, which another site's page cannot send
    /// without a CORS preflight this server never grants.
    /// </summary>
    public static async Task<IResult> LiveToken(HttpContext context, WebSession session)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.CacheControl = "no-store";
        if (!context.Request.Headers.ContainsKey(LiveHeader))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"The {LiveHeader} header is required.");
        }

        return await session.GetAsync() is { } user
            ? TypedResults.Ok(new { token = user.AccessToken, expiresAt = user.ExpiresAt, userId = user.Id })
            : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in.");
    }

    public static IResult SetLanguage(string language, string? returnUrl, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Texts.Supported.Contains(language))
        {
            context.Response.Cookies.Append(Texts.CookieName, language, new CookieOptions
            {
                HttpOnly = true,
                Secure = context.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                Path = "/",
                MaxAge = TimeSpan.FromDays(365),
                IsEssential = true,
            });
        }

        var local = returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal);
        return TypedResults.LocalRedirect(local ? returnUrl! : "/");
    }
}
