using EcoBid.Events.Postgres;
using EcoBid.Server.Hosting;
using Npgsql;

namespace EcoBid.Server.Storage;

/// <summary>
/// The shared store. Other processes may be receiving right now, so nothing is released at start: a message a dead
/// process held becomes visible again when its visibility timeout passes, as on SQS.
/// </summary>
public sealed class PostgresStorageSetup(PostgresDatabase database) : IStorageSetup
{
    public string Location
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString);
            return $"postgres://{builder.Host}:{builder.Port}/{builder.Database}";
        }
    }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await database.MigrateAsync(EcoBidPostgresSchema.Scripts, cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException { SqlState: null } or System.Net.Sockets.SocketException or TimeoutException)
        {
            // Unreachable, refused, or credentials rejected before any SQL ran: say where, not a stack trace.
            throw new InvalidOperationException($"Storage 'postgres': PostgreSQL is unreachable at {Location}: {ex.Message}", ex);
        }
    }

    public Task<int> ReleaseOrphanedReceivesAsync(CancellationToken cancellationToken) => Task.FromResult(0);
}
