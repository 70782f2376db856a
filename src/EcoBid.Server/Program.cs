using EcoBid.Server.Cli;
using EcoBid.Server.Hosting;
using EcoBid.Server.Http;

if (CliApp.IsCommand(args))
{
    return await CliApp.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
{
    // The documented default address; ASPNETCORE_URLS, URLS and --urls override it.
    builder.WebHost.UseUrls("http://localhost:8080");
}

builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = builder.Configuration.GetValue("Limits:MaxRequestBodyBytes", BodySizeLimitMiddleware.DefaultLimit));
builder.Services.AddEcoBid(builder.Configuration);

var app = builder.Build();
app.UseEcoBid();
app.MapEcoBid();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
