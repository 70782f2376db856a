using EcoBid.Events.Postgres;
using EcoBid.Events.Sqlite;
using EcoBid.Server.Hosting;

namespace EcoBid.Server.Storage;

public static class StorageServices
{
    /// <summary>The runtime's ports and the application's state on the database the <c>Storage</c> switch names.</summary>
    public static IServiceCollection AddEcoBidStorage(this IServiceCollection services, IConfiguration configuration, StorageBackend storage)
    {
        if (storage is StorageBackend.Postgres)
        {
            services.Configure<PostgresOptions>(configuration.GetSection(PostgresOptions.Section));
            services.AddPostgresEventStore();
            services.AddSingleton<IStorageSetup, PostgresStorageSetup>();
            return services;
        }

        services.Configure<SqliteOptions>(configuration.GetSection(SqliteOptions.Section));
        services.PostConfigure<SqliteOptions>(options => options.Path = EcoBidPaths.DatabasePath(configuration));
        services.AddSqliteEventStore();
        services.AddSingleton<IStorageSetup, SqliteStorageSetup>();
        return services;
    }
}
