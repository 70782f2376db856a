using EcoBid.Web.Components;
using EcoBid.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace EcoBid.Web.Hosting;

public static class WebClientPipeline
{
    /// <summary>
    /// First in the pipeline: security headers on every page, and the browser's address for the API calls the pages
    /// make over loopback (so per-address rate limits count people, not this server).
    /// </summary>
    public static IApplicationBuilder UseEcoBidWebHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<LoopbackClientAddressMiddleware>();
        return app;
    }

    /// <summary>After authentication: forms carry antiforgery tokens, checked before a page's handler runs.</summary>
    public static IApplicationBuilder UseEcoBidWebForms(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAntiforgery();
        return app;
    }

    /// <summary>The pages, their static assets (fingerprinted, long-cached) and the client's few JSON endpoints.</summary>
    public static IEndpointRouteBuilder MapEcoBidWeb(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapStaticAssets();
        routes.MapRazorComponents<App>();
        routes.MapWebClientEndpoints();
        return routes;
    }
}
