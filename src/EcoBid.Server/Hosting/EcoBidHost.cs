namespace EcoBid.Server.Hosting;

public static class EcoBidHost
{
    public const string DefaultUrl = "http://localhost:8080";

    /// <summary>The web host with EcoBid's services, its default address and its request-size limit.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        // Settings are read once at start. Watching appsettings for changes would also watch the data folder when it
        // sits under the content root, waking the watcher on every database write.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        var builder = WebApplication.CreateBuilder(args);
        AddShippedSettings(builder);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            // The documented default; ASPNETCORE_URLS, URLS and --urls override it.
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // The web client's assets come from the EcoBid.Web library: from its build output when run with `dotnet run`
        // or from bin/, from wwwroot once published (then this finds no manifest and does nothing).
        builder.WebHost.UseStaticWebAssets();

        // BodySizeLimitMiddleware enforces Limits:MaxRequestBodyBytes on every request. Kestrel's own limit would count
        // a chunked body with its chunk headers and refuse bodies just under the limit, so it is off.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);
        builder.Services.AddEcoBid(builder.Configuration);
        return builder;
    }

    /// <summary>
    /// `dotnet run` starts in the caller's folder (so ./data is where the README says), which is then the content root
    /// and holds no appsettings.json. The settings shipped beside the executable are read first, so environment
    /// variables and the command line still override them.
    /// </summary>
    private static void AddShippedSettings(WebApplicationBuilder builder)
    {
        var contentRoot = Path.GetFullPath(builder.Environment.ContentRootPath);
        var shipped = Path.GetFullPath(AppContext.BaseDirectory);
        if (File.Exists(Path.Combine(contentRoot, "appsettings.json")) || !File.Exists(Path.Combine(shipped, "appsettings.json")))
        {
            return;
        }

        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
        {
            FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(shipped),
            Path = "appsettings.json",
            Optional = true,
            ReloadOnChange = false,
        });
    }
}
