using EcoBid.Events.Archive;
using EcoBid.Events.Outbox;
using EcoBid.Events.Queues;
using EcoBid.Events.Storage;
using EcoBid.Events.Timers;
using Microsoft.Extensions.DependencyInjection;

namespace EcoBid.Events.Sqlite;

public static class SqliteServiceCollectionExtensions
{
    /// <summary>The embedded adapter: every runtime port on one SQLite file.</summary>
    public static IServiceCollection AddSqliteEventStore(this IServiceCollection services)
    {
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<IEventDatabase>(sp => sp.GetRequiredService<SqliteDatabase>());
        services.AddSingleton<SqliteMessageQueue>();
        services.AddSingleton<IMessageQueue>(sp => sp.GetRequiredService<SqliteMessageQueue>());
        services.AddSingleton<IOutboxStore, SqliteOutboxStore>();
        services.AddSingleton<IInbox, SqliteInbox>();
        services.AddSingleton<ITimerStore, SqliteTimerStore>();
        services.AddSingleton<IEventArchive, SqliteEventArchive>();
        services.AddSingleton<IReplayStore, SqliteReplayStore>();
        services.AddHostedService<SqliteCheckpointer>();
        return services;
    }
}
