using Microsoft.AspNetCore.Http;

namespace EcoBid.Web.Security;

/// <summary>Adds the browser's address (and this process's key, which vouches for it) to the pages' API calls.</summary>
public sealed class ForwardClientAddressHandler(IHttpContextAccessor accessor, LoopbackClientKey key) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (accessor.HttpContext?.Connection.RemoteIpAddress is { } address)
        {
            request.Headers.TryAddWithoutValidation(LoopbackClientKey.KeyHeader, key.Value);
            request.Headers.TryAddWithoutValidation(LoopbackClientKey.AddressHeader, address.ToString());
        }

        return base.SendAsync(request, cancellationToken);
    }
}
