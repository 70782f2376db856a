using EcoBid.Web.Localization;
using EcoBid.Web.Security;
using EcoBid.Web.Services;
using EcoBid.Web.Services.Console;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EcoBid.Web.Hosting;

public static class WebClientServices
{
    /// <summary>
    /// The web client: Razor components rendered on the server (static SSR), the signed-in session kept in a sealed
    /// cookie, and a typed client for EcoBid's own HTTP API, which the pages call over loopback.
    /// </summary>
    public static IServiceCollection AddEcoBidWeb(this IServiceCollection services, IConfiguration configuration, string? keysDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<WebClientOptions>(configuration.GetSection(WebClientOptions.Section));
        services.AddRazorComponents();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "ecobid_af";
            options.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
        });
        var protection = services.AddDataProtection().SetApplicationName("EcoBid");
        var keys = configuration[$"{WebClientOptions.Section}:KeysDirectory"] is { Length: > 0 } configured ? configured : keysDirectory;
        if (!string.IsNullOrEmpty(keys))
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(keys));
        }

        services.AddHttpContextAccessor();
        services.AddSingleton<LoopbackClientKey>();
        services.AddSingleton<ApiBaseAddress>();
        services.AddSingleton<RefreshCoalescer>();
        services.AddTransient<ForwardClientAddressHandler>();
        services.AddHttpClient<EcoBidApi>((provider, client) =>
        {
            client.BaseAddress = provider.GetRequiredService<ApiBaseAddress>().Value;
            client.Timeout = TimeSpan.FromSeconds(30);
        }).AddHttpMessageHandler<ForwardClientAddressHandler>();
        services.AddScoped<SessionCookie>();
        services.AddScoped<WebSession>();
        services.AddScoped<Backend>();
        services.AddScoped<Texts>();
        services.AddSingleton<ConsoleHistory>();
        services.AddHostedService(provider => provider.GetRequiredService<ConsoleHistory>());
        return services;
    }
}
