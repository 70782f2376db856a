using EcoBid.Server.Hosting;
using EcoBid.Server.Storage;

namespace EcoBid.Server.Cli;

/// <summary>
/// The same services the server composes, without its workers, for verbs that work on the database. The server may
/// be running on the same database at the same time: SQLite's locking and busy timeout, or PostgreSQL's own
/// concurrency, keep both correct.
/// </summary>
internal static class CliServices
{
    public static async Task<IHost> StartAsync(CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Configuration["Role"] = "api";
        builder.Logging.ClearProviders();
        builder.Services.AddEcoBid(builder.Configuration);
        var host = builder.Build();
        await host.Services.GetRequiredService<IStorageSetup>().MigrateAsync(cancellationToken);
        return host;
    }
}
