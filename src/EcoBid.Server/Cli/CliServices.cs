using EcoBid.Events.Sqlite;
using EcoBid.Server.Hosting;

namespace EcoBid.Server.Cli;

/// <summary>
/// The same services the server composes, without its workers, for verbs that work on the database. The server may
/// be running on the same file at the same time: SQLite's locking and busy timeout keep both correct.
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
        await host.Services.GetRequiredService<SqliteDatabase>().MigrateAsync(EcoBidSchema.Scripts, cancellationToken);
        return host;
    }
}
