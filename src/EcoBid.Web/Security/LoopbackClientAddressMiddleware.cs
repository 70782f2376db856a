using System.Net;
using Microsoft.AspNetCore.Http;

namespace EcoBid.Web.Security;

/// <summary>
/// Restores the browser's address on an API call a page made over loopback, so the API's per-address limits and
/// logs see the person, not this server. Anything else that names an address is ignored.
/// </summary>
public sealed class LoopbackClientAddressMiddleware(RequestDelegate next, LoopbackClientKey key)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Request.Headers;
        if (headers.ContainsKey(LoopbackClientKey.KeyHeader))
        {
            var remote = context.Connection.RemoteIpAddress;
            if (remote is not null && IPAddress.IsLoopback(remote) && key.Matches(headers[LoopbackClientKey.KeyHeader])
                && IPAddress.TryParse(headers[LoopbackClientKey.AddressHeader], out var client))
            {
                context.Connection.RemoteIpAddress = client;
            }

            headers.Remove(LoopbackClientKey.KeyHeader);
            headers.Remove(LoopbackClientKey.AddressHeader);
        }

        return next(context);
    }
}
