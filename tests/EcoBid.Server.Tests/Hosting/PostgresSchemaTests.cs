using System.Text.RegularExpressions;
using Dapper;
using EcoBid.Events.Contracts;
using EcoBid.Events.Postgres;
using EcoBid.Events.Signals;
using EcoBid.Events.Sqlite;
using EcoBid.Server.Hosting;
using EcoBid.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace EcoBid.Server.Tests.Hosting;

/// <summary>
/// The PostgreSQL scripts start a new database at the shape the SQLite scripts bring a file to: the same tables, the
/// same columns in the same storage classes, the same NOT NULLs, unique keys, references and indexes. SQLite's search indexes
/// (<c>item_search</c>, <c>item_geo</c>) are left out: the PostgreSQL search brings its own.
/// </summary>
public sealed class PostgresSchemaTests : IAsyncLifetime
{
    private static readonly string[] SearchIndexTables = ["item_search", "item_geo"];

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ecobid-tests", Guid.NewGuid().ToString("N"));
    private string _postgres = null!;
    private PostgresDatabase _postgresDatabase = null!;

    public async Task InitializeAsync()
    {
        _postgres = await PostgresTestServer.CreateSchemaAsync();
        _postgresDatabase = new PostgresDatabase(Options.Create(new PostgresOptions { ConnectionString = _postgres }), new RuntimeSignals(), TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        await _postgresDatabase.DisposeAsync();
        await PostgresTestServer.DropSchemaAsync(_postgres);
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task The_scripts_apply_to_a_new_database_and_applying_them_again_changes_nothing()
    {
        await _postgresDatabase.MigrateAsync(EcoBidPostgresSchema.Scripts);
        var first = await CatalogAsync();

        await _postgresDatabase.MigrateAsync(EcoBidPostgresSchema.Scripts);

        (await CatalogAsync()).ShouldBe(first);
        foreach (var script in EcoBidPostgresSchema.Scripts)
        {
            first.ShouldContain($"version {script.Component} {script.Version}");
        }
    }

    [Fact]
    public async Task Every_application_table_has_the_columns_keys_references_and_indexes_of_a_migrated_SQLite_file()
    {
        await _postgresDatabase.MigrateAsync(EcoBidPostgresSchema.Scripts);
        var postgres = await _postgresDatabase.ReadAsync(SchemaShape.FromPostgresAsync);
        var sqlite = await SqliteShapeAsync();

        sqlite.Columns.Count.ShouldBeGreaterThan(20);
        foreach (var (table, columns) in sqlite.Columns)
        {
            postgres.Columns.Keys.ShouldContain(table);
            // A virtual table is compared by column names alone.
            var actual = columns.All(c => !c.Contains(' ', StringComparison.Ordinal))
                ? [.. postgres.Columns[table].Select(c => c.Split(' ')[0])]
                : postgres.Columns[table];
            actual.ShouldBe(columns, $"columns of {table}");
        }

        var postgresUniqueKeys = postgres.UniqueKeys.Where(k => sqlite.Columns.ContainsKey(k.Split(' ')[0]));
        postgresUniqueKeys.ShouldBe(sqlite.UniqueKeys, ignoreOrder: true);
        sqlite.ForeignKeys.Count.ShouldBeGreaterThan(10);
        postgres.ForeignKeys.ShouldBe(sqlite.ForeignKeys, ignoreOrder: true);
        sqlite.Indexes.Count.ShouldBeGreaterThan(30);
        foreach (var (index, shape) in sqlite.Indexes)
        {
            postgres.Indexes.Keys.ShouldContain(index);
            postgres.Indexes[index].ShouldBe(shape, $"index {index}");
        }
    }

    /// <summary>
    /// The shape of a file migrated with every SQLite script, but for what the runtime's own scripts made (found in a
    /// file migrated with those alone), the search indexes and the shadow tables behind virtual tables.
    /// </summary>
    private async Task<SchemaShape> SqliteShapeAsync()
    {
        await using var runtimeOnly = OpenSqlite("runtime.db");
        await runtimeOnly.MigrateAsync([]);
        var runtimeObjects = (await runtimeOnly.ReadAsync(c => c.QueryAsync<string>("SELECT name FROM sqlite_master"))).ToHashSet();

        await using var application = OpenSqlite("ecobid.db");
        await application.MigrateAsync(EcoBidSchema.Scripts);
        return await application.ReadAsync(async connection =>
        {
            var objects = (await connection.QueryAsync<(string Type, string Name, string Table, string? Sql)>(
                "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")).AsList();
            var virtualTables = objects
                .Where(o => o.Sql?.StartsWith("CREATE VIRTUAL TABLE", StringComparison.OrdinalIgnoreCase) == true)
                .ToDictionary(o => o.Name, o => Regex.Match(o.Sql!, @"USING\s+(\w+)", RegexOptions.IgnoreCase).Groups[1].Value.ToLowerInvariant());
            bool IsOurs(string table) =>
                !runtimeObjects.Contains(table)
                && !SearchIndexTables.Any(search => table.StartsWith(search, StringComparison.Ordinal))
                && !virtualTables.Keys.Any(v => table.StartsWith(v + "_", StringComparison.Ordinal));
            var tables = objects.Where(o => o.Type == "table" && IsOurs(o.Name)).Select(o => (o.Name, virtualTables.GetValueOrDefault(o.Name)));
            var indexes = objects.Where(o => o.Type == "index" && o.Sql is not null && !runtimeObjects.Contains(o.Name) && IsOursOrRuntimes(o.Table)).Select(o => o.Name);
            return await SchemaShape.FromSqliteAsync(connection, tables, indexes);

            bool IsOursOrRuntimes(string table) => runtimeObjects.Contains(table) || IsOurs(table);
        });
    }

    private SqliteDatabase OpenSqlite(string file) =>
        new(Options.Create(new SqliteOptions { Path = Path.Combine(_directory, file) }), new RuntimeSignals(), TimeProvider.System);

    /// <summary>Everything a migration could change: columns with types and defaults, index and constraint definitions, applied versions.</summary>
    private Task<List<string>> CatalogAsync() => _postgresDatabase.ReadAsync(async connection => (await connection.QueryAsync<string>(
        """
        SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || COALESCE(column_default, '')
            FROM information_schema.columns WHERE table_schema = current_schema()
        UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = current_schema()
        UNION ALL SELECT 'constraint ' || conrelid::regclass || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
        UNION ALL SELECT 'version ' || component || ' ' || version FROM schema_versions
        ORDER BY 1
        """)).AsList());
}
