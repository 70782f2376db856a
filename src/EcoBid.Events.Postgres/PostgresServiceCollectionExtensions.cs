using EcoBid.Events.Archive;
using EcoBid.Events.Outbox;
using EcoBid.Events.Queues;
using EcoBid.Events.Storage;
using EcoBid.Events.Timers;
using Microsoft.Extensions.DependencyInjection;

namespace EcoBid.Events.Postgres;

public static class PostgresServiceCollectionExtensions
{
    /// <summary>
    /// The scale-out storage adapter: every runtime port on PostgreSQL, with the queues in the database too
    /// (<c>Queues: embedded</c>). A broker adapter registered after it replaces <see cref="IMessageQueue"/> and wraps
    /// <see cref="IOutboxStore"/>. Settings come from <see cref="PostgresOptions"/>.
    /// </summary>
    public static IServiceCollection AddPostgresEventStore(this IServiceCollection services)
    {
        services.AddSingleton<PostgresDatabase>();
        services.AddSingleton<IEventDatabase>(sp => sp.GetRequiredService<PostgresDatabase>());
        services.AddSingleton<PostgresRelayLease>();
        services.AddSingleton<PostgresMessageQueue>();
        services.AddSingleton<IMessageQueue>(sp => sp.GetRequiredService<PostgresMessageQueue>());
        services.AddSingleton<IOutboxStore, PostgresOutboxStore>();
        services.AddSingleton<IInbox, PostgresInbox>();
        services.AddSingleton<ITimerStore, PostgresTimerStore>();
        services.AddSingleton<IEventArchive, PostgresEventArchive>();
        services.AddSingleton<IReplayStore, PostgresReplayStore>();
        services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres", tags: ["ready"]);
        return services;
    }
}
