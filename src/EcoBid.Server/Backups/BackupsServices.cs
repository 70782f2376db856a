using EcoBid.Events;
using EcoBid.Server.Handlers.Scheduled;
using EcoBid.Server.Hosting;

namespace EcoBid.Server.Backups;

public static class BackupsServices
{
    /// <summary>The data-folder lock, backup requests and their runner (where workers run), and the Backup schedule's handler.</summary>
    public static IServiceCollection AddEcoBidBackups(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<BackupOptions>(configuration.GetSection(BackupOptions.Section));
        services.AddHostedService<DataFolderLock>();
        services.AddSingleton<BackupRunStore>();
        if (ServerRoleOptions.From(configuration).RunsWorkers && !BackupOptions.StateIsOnPostgres(configuration))
        {
            services.AddHostedService<BackupRunner>();
        }

        services.AddEventHandler<RequestBackup>(RequestBackup.Target);
        return services;
    }
}
