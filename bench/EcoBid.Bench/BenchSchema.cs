using Npgsql;

namespace EcoBid.Bench;

/// <summary>
/// A fresh, empty PostgreSQL schema for one run's server state, in the database <c>--postgres</c> names; the connection
/// string it hands out puts the schema first on the search path, so the server migrates and works inside it. Dropped
/// with everything in it afterwards unless asked to keep it.
/// </summary>
internal sealed class BenchSchema : IAsyncDisposable
{
    private readonly string _server;
    private readonly bool _keep;

    private BenchSchema(string server, string name, bool keep)
    {
        _server = server;
        _keep = keep;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = name }.ConnectionString;
    }

    public string Name { get; }

    /// <summary>The <c>Postgres:ConnectionString</c> the run's hosts use.</summary>
    public string ConnectionString { get; }

    public static async Task<BenchSchema> CreateAsync(BenchOptions options, string run, CancellationToken cancellationToken)
    {
        var server = options.Postgres ?? throw new InvalidOperationException("--postgres is not set.");
        var schema = new BenchSchema(server, $"bench_{run.Replace('-', '_')}_{Guid.NewGuid():N}", options.Keep);
        await ExecuteAsync(server, $"CREATE SCHEMA {schema.Name}", cancellationToken);
        return schema;
    }

    public async ValueTask DisposeAsync()
    {
        // The hosts' pools still hold connections with the schema on their search path; they are closed first.
        NpgsqlConnection.ClearAllPools();
        if (!_keep)
        {
            await ExecuteAsync(_server, $"DROP SCHEMA IF EXISTS {Name} CASCADE", CancellationToken.None);
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
