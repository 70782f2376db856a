using EcoBid.Web.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace EcoBid.Web.Services;

/// <summary>
/// Where the pages reach the API: <c>Web:ApiBaseAddress</c>, or this server's own first listening address with a
/// wildcard or host name turned into the loopback address (the server then calls itself, never the network).
/// </summary>
public sealed class ApiBaseAddress(IServer server, IOptions<WebClientOptions> options)
{
    private Uri? _value;

    public Uri Value => _value ??= Resolve();

    private Uri Resolve()
    {
        if (options.Value.ApiBaseAddress is { Length: > 0 } configured)
        {
            return new Uri(configured.TrimEnd('/') + "/");
        }

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var chosen = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The server has no listening address yet; set Web:ApiBaseAddress.");
        return FromListening(chosen);
    }

    /// <summary>A listening address (<c>http://+:8080</c>, <c>http://localhost:5000</c>) as a loopback URI.</summary>
    public static Uri FromListening(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var schemeEnd = address.IndexOf("://", StringComparison.Ordinal);
        var scheme = address[..schemeEnd];
        var rest = address[(schemeEnd + 3)..].TrimEnd('/');
        var portStart = rest.LastIndexOf(':');
        var host = portStart > 0 && !rest.EndsWith(']') ? rest[..portStart] : rest;
        var port = portStart > 0 && !rest.EndsWith(']') ? rest[(portStart + 1)..] : (scheme == "https" ? "443" : "80");
        host = host switch
        {
            "+" or "*" or "0.0.0.0" or "localhost" => "127.0.0.1",
            "[::]" => "[::1]",
            _ => host,
        };
        return new Uri($"{scheme}://{host}:{port}/");
    }
}
