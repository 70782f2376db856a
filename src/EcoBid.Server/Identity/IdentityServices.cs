using EcoBid.Domain.Users;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace EcoBid.Server.Identity;

public static class IdentityServices
{
    /// <summary>JWT bearer authentication (tokens from <see cref="AccessTokens"/>) and the admin policy.</summary>
    public static IServiceCollection AddEcoBidIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.Section));
        services.AddSingleton<SigningKey>();
        services.AddSingleton<AccessTokens>();
        services.AddSingleton<RefreshTokens>();
        services.AddSingleton<PasswordHashing>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<AccessTokens>((options, tokens) =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = tokens.ValidationParameters();
        });
        services.AddAuthorizationBuilder().AddPolicy(CurrentUser.AdminPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        return services;
    }
}
