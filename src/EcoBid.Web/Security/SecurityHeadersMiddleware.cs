using EcoBid.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace EcoBid.Web.Security;

/// <summary>
/// A strict policy on every response: scripts, styles, fonts and connections from this origin only (no inline
/// script or style), no framing, no sniffing, no referrer to other sites. Swagger UI at <c>/swagger</c> runs under
/// it too (its page loads its scripts from files, and its requests go to this origin). A configured map tile server
/// is the only other origin allowed, and only for images.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<WebClientOptions> options)
{
    private readonly string _policy = BuildPolicy(options.Value.MapTiles);

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = _policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "geolocation=(self), camera=(), microphone=(), payment=()";
        return next(context);
    }

    public static string BuildPolicy(string? mapTiles)
    {
        var images = "'self' data:";
        if (Uri.TryCreate(mapTiles?.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal), UriKind.Absolute, out var tiles))
        {
            images += " " + tiles.GetLeftPart(UriPartial.Authority);
        }

        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src " + images +
            "; font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }
}
