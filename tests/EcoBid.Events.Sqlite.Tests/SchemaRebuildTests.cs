using EcoBid.Events.Storage;

namespace EcoBid.Events.Sqlite.Tests;

/// <summary>Schema steps that rebuild a table other tables point at run with foreign keys off, and are checked before they commit.</summary>
public sealed class SchemaRebuildTests
{
    private static readonly SchemaScript Parents = new("family", 1, """
        CREATE TABLE parents (id TEXT PRIMARY KEY, name TEXT NOT NULL);
        CREATE TABLE children (id TEXT PRIMARY KEY, parent_id TEXT NOT NULL REFERENCES parents (id));
        """);

    [Fact]
    public async Task A_rebuild_keeps_the_rows_pointing_at_the_table_and_foreign_keys_are_enforced_afterwards()
    {
        await using var test = await SqliteTestDatabase.CreateAsync();
        await test.Database.MigrateAsync([Parents]);
        await ExecuteAsync(test, "INSERT INTO parents VALUES ('p', 'Pat'); INSERT INTO children VALUES ('c', 'p');");

        await test.Database.MigrateAsync([Parents, Rebuild("INSERT INTO parents_new (id, name, born) SELECT id, name, 0 FROM parents;")]);

        (await test.ScalarAsync("SELECT COUNT(*) FROM children c JOIN parents p ON p.id = c.parent_id WHERE p.born = 0")).ShouldBe(1);
        await Should.ThrowAsync<Microsoft.Data.Sqlite.SqliteException>(() => ExecuteAsync(test, "INSERT INTO children VALUES ('orphan', 'nobody');"));
    }

    [Fact]
    public async Task A_rebuild_that_would_orphan_rows_is_refused_whole_naming_the_tables()
    {
        await using var test = await SqliteTestDatabase.CreateAsync();
        await test.Database.MigrateAsync([Parents]);
        await ExecuteAsync(test, "INSERT INTO parents VALUES ('p', 'Pat'); INSERT INTO children VALUES ('c', 'p');");

        var refused = await Should.ThrowAsync<InvalidOperationException>(() => test.Database.MigrateAsync([Parents, Rebuild("-- copies nothing")]));

        refused.Message.ShouldBe("Schema step family v2 would leave a row of children pointing at a missing row of parents.");
        (await test.ScalarAsync("SELECT COUNT(*) FROM schema_versions WHERE component = 'family' AND version = 2")).ShouldBe(0);
        (await test.ScalarAsync("SELECT COUNT(*) FROM parents")).ShouldBe(1);
        await Should.ThrowAsync<Microsoft.Data.Sqlite.SqliteException>(() => ExecuteAsync(test, "INSERT INTO children VALUES ('orphan', 'nobody');"));
    }

    private static SchemaScript Rebuild(string copy) => new("family", 2, $"""
        CREATE TABLE parents_new (id TEXT PRIMARY KEY, name TEXT NOT NULL, born INTEGER NOT NULL);
        {copy}
        DROP TABLE parents;
        ALTER TABLE parents_new RENAME TO parents;
        """, RebuildsTables: true);

    private static Task ExecuteAsync(SqliteTestDatabase test, string sql) =>
        test.Database.WriteAsync(async scope =>
        {
            await using var command = scope.Command(sql);
            return await command.ExecuteNonQueryAsync();
        });
}
