using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;

namespace EcoBid.Server.Identity;

public static class CurrentUser
{
    public const string AdminPolicy = "admin";

    /// <summary>The signed-in user's id (the token's <c>sub</c>); only called behind RequireAuthorization.</summary>
    public static string Id(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(JwtRegisteredClaimNames.Sub) ?? throw new InvalidOperationException("The principal has no subject.");
    }

    public static bool IsAdmin(this ClaimsPrincipal user) => user?.IsInRole(Domain.Users.Roles.Admin) == true;
}
