using EcoBid.Events.Signals;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace EcoBid.Events.Sqlite.Tests;

/// <summary>A fresh database file with the runtime schema and a small <c>notes</c> table, deleted afterwards.</summary>
internal sealed class SqliteTestDatabase : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"ecobid-sqlite-tests-{Guid.NewGuid():N}");

    private SqliteTestDatabase()
    {
        Directory.CreateDirectory(_directory);
        Database = new SqliteDatabase(Options.Create(new SqliteOptions { Path = Path.Combine(_directory, "test.db") }), Signals, TimeProvider.System);
    }

    public RuntimeSignals Signals { get; } = new();

    public SqliteDatabase Database { get; }

    public static async Task<SqliteTestDatabase> CreateAsync()
    {
        var test = new SqliteTestDatabase();
        await test.Database.MigrateAsync([new SchemaScript("tests", 1, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);")]);
        return test;
    }

    public Task<long> ScalarAsync(string sql) =>
        Database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(await command.ExecuteScalarAsync());
        });

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
