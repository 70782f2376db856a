using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.OpenApi;

/// <summary>
/// What an endpoint's metadata says about the answers the pipeline around its handler can give: the authorization
/// middleware's 401 and 403, the rate limiter's 429, and the body and parameter binding's 400, 413 and 415.
/// </summary>
public sealed record EndpointFacts(bool RequiresAuthorization, bool RequiresRole, bool RateLimited, bool AcceptsBody, bool BindsCheckedValues)
{
    public static EndpointFacts Of(ApiDescription description, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(services);
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var authorize = metadata.OfType<IAuthorizeData>().ToList();
        var policies = metadata.OfType<AuthorizationPolicy>().ToList();
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var requiresAuthorization = !anonymous && (authorize.Count > 0 || policies.Count > 0);
        var requiresRole = requiresAuthorization && (
            authorize.Any(a => !string.IsNullOrEmpty(a.Policy) || !string.IsNullOrEmpty(a.Roles))
            || policies.Any(p => p.Requirements.Any(r => r is not Microsoft.AspNetCore.Authorization.Infrastructure.DenyAnonymousAuthorizationRequirement)));

        var limiter = services.GetService<IOptions<RateLimiterOptions>>()?.Value;
        var rateLimited = !metadata.OfType<DisableRateLimitingAttribute>().Any()
            && (limiter?.GlobalLimiter is not null || metadata.OfType<EnableRateLimitingAttribute>().Any());

        var parameters = description.ParameterDescriptions;
        var acceptsBody = parameters.Any(p => p.Source == BindingSource.Body || p.Source == BindingSource.Form || p.Source == BindingSource.FormFile);

        // A route, query or header value of another type than text fails to bind (400), and so does a missing required one.
        var bindsChecked = parameters.Any(p =>
            (p.Source == BindingSource.Path || p.Source == BindingSource.Query || p.Source == BindingSource.Header)
            && (Nullable.GetUnderlyingType(p.Type) ?? p.Type) != typeof(string)
            || (p.Source == BindingSource.Query || p.Source == BindingSource.Header) && p.IsRequired);
        return new EndpointFacts(requiresAuthorization, requiresRole, rateLimited, acceptsBody, bindsChecked);
    }
}
