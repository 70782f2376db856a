using EcoBid.Events.Archive;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EcoBid.Events;

public static class EventArchiveServiceCollectionExtensions
{
    /// <summary>
    /// Archive retention and replays: settings from the <c>Archive</c> section, the replay operations, and (in a
    /// process that runs workers) the replay runner. A storage adapter supplies <see cref="IEventArchive"/> and
    /// <see cref="IReplayStore"/>.
    /// </summary>
    public static IServiceCollection AddEventReplay(this IServiceCollection services, IConfiguration configuration, bool runWorkers)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ArchiveOptions>()
            .Bind(configuration.GetSection(ArchiveOptions.Section))
            .Validate(o => o.RetentionDays >= 0, "Archive:RetentionDays must be 0 (keep forever) or a positive number of days.")
            .Validate(o => o.ReplayBatchSize >= 1, "Archive:ReplayBatchSize must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton<ArchiveRetention>();
        services.AddSingleton<ReplayService>();
        if (runWorkers)
        {
            services.AddHostedService<ReplayRunner>();
        }

        return services;
    }
}
