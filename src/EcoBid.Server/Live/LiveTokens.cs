using System.Security.Claims;
using EcoBid.Server.Identity;
using Microsoft.IdentityModel.JsonWebTokens;

namespace EcoBid.Server.Live;

/// <summary>
/// Checks the access token a live connection presents: in the <c>Authorization</c> header (already checked by the
/// JWT middleware), in the <c>access_token</c> query string (browsers cannot set headers on a WebSocket), or in the
/// first message. Same keys, issuer, audience and lifetime as every API call.
/// </summary>
public sealed class LiveTokens(AccessTokens tokens)
{
    private readonly JsonWebTokenHandler _handler = new();

    public async Task<LiveIdentity?> ValidateAsync(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 4096)
        {
            return null;
        }

        var result = await _handler.ValidateTokenAsync(token, tokens.ValidationParameters());
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt || string.IsNullOrEmpty(jwt.Subject))
        {
            return null;
        }

        return new LiveIdentity(jwt.Subject, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero));
    }

    /// <summary>The identity the JWT middleware established from the <c>Authorization</c> header, if any.</summary>
    public static LiveIdentity? FromPrincipal(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true || !long.TryParse(user.FindFirstValue(JwtRegisteredClaimNames.Exp), out var exp))
        {
            return null;
        }

        return new LiveIdentity(user.Id(), DateTimeOffset.FromUnixTimeSeconds(exp));
    }
}
