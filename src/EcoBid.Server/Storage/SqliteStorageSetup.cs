using EcoBid.Events.Sqlite;
using EcoBid.Server.Hosting;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Storage;

/// <summary>The embedded store: one file, one process owning its queues.</summary>
public sealed class SqliteStorageSetup(SqliteDatabase database, SqliteMessageQueue queue, IOptions<SqliteOptions> options) : IStorageSetup
{
    public string Location => database.Path;

    public Task MigrateAsync(CancellationToken cancellationToken) => database.MigrateAsync(EcoBidSchema.Scripts, cancellationToken);

    public Task<int> ReleaseOrphanedReceivesAsync(CancellationToken cancellationToken) =>
        options.Value.ReleaseInFlightOnStart ? queue.ReleaseInFlightAsync(cancellationToken) : Task.FromResult(0);
}
