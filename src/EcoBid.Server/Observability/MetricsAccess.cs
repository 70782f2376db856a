using System.Net;
using EcoBid.Server.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Observability;

/// <summary>
/// Who may read <c>/metrics</c>: a signed-in admin, or a client whose address is in <c>Metrics:AllowedNetworks</c>
/// (a Prometheus server on the operators' network, which has no token). Nobody else, by default.
/// </summary>
public sealed class MetricsAccess : AuthorizationHandler<MetricsAccess.Requirement>
{
    public const string Policy = "metrics";

    private readonly IReadOnlyList<IPNetwork> _networks;

    public MetricsAccess(IOptions<MetricsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _networks = Parse(options.Value.AllowedNetworks);
    }

    /// <summary>Parses CIDR strings; throws naming the one that is not a network.</summary>
    public static IReadOnlyList<IPNetwork> Parse(IEnumerable<string> networks)
    {
        ArgumentNullException.ThrowIfNull(networks);
        return [.. networks.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Select(ParseOne)];
    }

    private static IPNetwork ParseOne(string text)
    {
        if (!IPNetwork.TryParse(text, out var network))
        {
            throw new InvalidOperationException($"Metrics:AllowedNetworks: '{text}' is not a network in CIDR notation (such as 10.0.0.0/8).");
        }

        // An address with bits past the prefix ("10.0.0.1/8") is most likely a typo for a narrower network: say so.
        if (!IPAddress.TryParse(text.Split('/')[0], out var written) || !written.Equals(network.BaseAddress))
        {
            throw new InvalidOperationException($"Metrics:AllowedNetworks: '{text}' has bits set past its prefix; write {network} for that network, or a longer prefix.");
        }

        return network;
    }

    public static bool Allows(IReadOnlyList<IPNetwork> networks, IPAddress? address)
    {
        ArgumentNullException.ThrowIfNull(networks);
        if (address is null)
        {
            return false;
        }

        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return networks.Any(n => n.Contains(plain) || n.Contains(address));
    }

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, Requirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.IsAdmin() || (context.Resource is HttpContext http && Allows(_networks, http.Connection.RemoteIpAddress)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    /// <summary>The policy's one requirement: an admin or an allowed network.</summary>
    public sealed class Requirement : IAuthorizationRequirement;
}
