using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcoBid.Bench.Peer;

internal static class PeerHosts
{
    /// <summary>
    /// A bare generic host: no configuration files (the server's appsettings.json beside this program would turn on its
    /// JSON console log, and a file watcher), and warnings only, on stderr, so the report on stdout stays clean.
    /// </summary>
    public static HostApplicationBuilder CreateBuilder()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.AddSimpleConsole();
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        return builder;
    }
}
