using Npgsql;

namespace EcoBid.Server.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests run against (<c>ECOBID_TEST_POSTGRES</c>, a connection string; by default the
/// test role that scripts/test-services.sh creates on 127.0.0.1). Each test run gets a database of its own, created on
/// first use and dropped when the run ends; each test gets a schema of its own in it. A server that cannot be reached
/// fails the tests: they are meant to run for real in CI, not to be skipped.
/// The same helper as EcoBid.Events.Postgres.Tests' one, which lives in a test assembly this project does not reference.
/// </summary>
public static class PostgresTestServer
{
    public const string Variable = "ECOBID_TEST_POSTGRES";

    private const string Default = "Host=127.0.0.1;Port=5432;Username=ecobid_test;Password=ecobid_test;Database=postgres";

    private static readonly Lazy<Task<string>> RunDatabase = new(CreateRunDatabaseAsync);

    /// <summary>The server's connection string (to its maintenance database).</summary>
    public static string ServerConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured ? configured : Default;

    /// <summary>A fresh, empty schema in this run's database; the returned connection string uses it.</summary>
    public static async Task<string> CreateSchemaAsync()
    {
        var database = await RunDatabase.Value;
        var schema = $"t_{Guid.NewGuid():N}";
        await ExecuteAsync(database, $"CREATE SCHEMA {schema}");
        return new NpgsqlConnectionStringBuilder(database) { SearchPath = schema }.ConnectionString;
    }

    public static async Task DropSchemaAsync(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var schema = builder.SearchPath!;
        builder.SearchPath = null;
        await ExecuteAsync(builder.ConnectionString, $"DROP SCHEMA IF EXISTS {schema} CASCADE");
    }

    private static async Task<string> CreateRunDatabaseAsync()
    {
        var name = $"ecobid_test_{DateTime.UtcNow:yyyyMMddHHmmss}_{Environment.ProcessId}";
        try
        {
            await ExecuteAsync(ServerConnectionString, $"CREATE DATABASE {name}");
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"PostgreSQL is unreachable with {Variable}='{Redacted(ServerConnectionString)}': {ex.Message}. Start it with scripts/test-services.sh start.", ex);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => DropRunDatabase(name);
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    private static void DropRunDatabase(string name)
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(ServerConnectionString);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string Redacted(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Password = null }.ConnectionString;
}
