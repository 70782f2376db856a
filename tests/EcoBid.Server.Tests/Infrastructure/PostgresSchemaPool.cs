using System.Collections.Concurrent;
using Dapper;
using EcoBid.Events.Contracts;
using EcoBid.Events.Postgres;
using EcoBid.Events.Signals;
using EcoBid.Server.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace EcoBid.Server.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL schemas the test apps run on, emptied and handed out again. Creating a schema with the server's
/// migrations and dropping it afterwards cost PostgreSQL about 0.9 s of CPU per app: nearly all it spent in the
/// suite's PostgreSQL pass, where one app per test is the rule. Emptying one costs a few milliseconds. A returned schema
/// is reused only when its structure is exactly what the migrations make (columns, indexes, constraints, views,
/// functions and applied versions, compared with a schema migrated here for reference) and every row but the applied
/// versions is gone, which is the state of a freshly migrated schema: the next app's start finds its migrations
/// applied and seeds what it seeds on a new one. Anything else (a test that added a table, a lock not released in
/// time) drops the schema as before.
/// </summary>
public static class PostgresSchemaPool
{
    private static readonly ConcurrentBag<string> Free = [];
    private static readonly ConcurrentDictionary<string, bool> Lent = new(StringComparer.Ordinal);
    private static readonly Lazy<Task<string>> Reference = new(MigrateReferenceAsync);

    /// <summary>A migrated, empty schema from the pool, or a new one (the app migrates it when it starts).</summary>
    public static async Task<string> TakeAsync()
    {
        await Reference.Value;
        var schema = Free.TryTake(out var free) ? free : await PostgresTestServer.CreateSchemaAsync();
        Lent[schema] = true;
        return schema;
    }

    /// <summary>Empties the schema for the next app when its structure is untouched; drops it otherwise.</summary>
    public static async Task ReturnAsync(string connectionString)
    {
        if (!Lent.TryRemove(connectionString, out _))
        {
            // Given back already: a second copy in the pool would put two apps on one schema.
            return;
        }

        try
        {
            if (await FingerprintAsync(connectionString) == await Reference.Value)
            {
                await EmptyAsync(connectionString);
                Free.Add(connectionString);
                return;
            }
        }
        catch (NpgsqlException)
        {
            // Typically lock_timeout: something still holds a table. Dropping waits for it, as it always did.
        }

        await PostgresTestServer.DropSchemaAsync(connectionString);
    }

    private static async Task<string> MigrateReferenceAsync()
    {
        var schema = await PostgresTestServer.CreateSchemaAsync();
        await using (var database = new PostgresDatabase(Options.Create(new PostgresOptions { ConnectionString = schema }), new RuntimeSignals(), TimeProvider.System))
        {
            await database.MigrateAsync(EcoBidPostgresSchema.Scripts);
        }

        var fingerprint = await FingerprintAsync(schema);
        Free.Add(schema);
        return fingerprint;
    }

    /// <summary>
    /// A digest of the schema's structure and applied versions that leaves out its name: the connection's search path
    /// is the schema, so PostgreSQL writes its own objects unqualified, and index and trigger definitions have it removed.
    /// </summary>
    private static async Task<string> FingerprintAsync(string connectionString)
    {
        await using var connection = Unpooled(connectionString);
        return await connection.ExecuteScalarAsync<string>(
            """
            WITH s AS (SELECT current_schema() AS name, current_schema()::text::regnamespace AS oid)
            SELECT md5(coalesce(string_agg(part, E'\n' ORDER BY part), '')) FROM (
              SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull || ' '
                     || a.attidentity::text || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '') AS part
                FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum, s
                WHERE c.relnamespace = s.oid AND c.relkind IN ('r', 'v', 'p') AND a.attnum > 0 AND NOT a.attisdropped
              UNION ALL SELECT 'index ' || replace(indexdef, s.name || '.', '') FROM pg_indexes, s WHERE schemaname = s.name
              UNION ALL SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(c.oid) FROM pg_constraint c, s WHERE connamespace = s.oid
              UNION ALL SELECT 'view ' || viewname || ' ' || definition FROM pg_views, s WHERE schemaname = s.name
              UNION ALL SELECT 'function ' || proname || ' ' || md5(prosrc) FROM pg_proc, s WHERE pronamespace = s.oid
              UNION ALL SELECT 'trigger ' || replace(pg_get_triggerdef(t.oid), s.name || '.', '') FROM pg_trigger t JOIN pg_class r ON r.oid = t.tgrelid, s WHERE r.relnamespace = s.oid AND NOT t.tgisinternal
              UNION ALL SELECT 'version ' || component || ' ' || version FROM schema_versions
            ) parts
            """) ?? string.Empty;
    }

    /// <summary>
    /// Deletes every row but the applied versions (a pass at a time, as references allow: DELETE, unlike TRUNCATE,
    /// makes no new files, which is what makes this cheap) and restarts every sequence.
    /// </summary>
    private static async Task EmptyAsync(string connectionString)
    {
        await using var connection = Unpooled(connectionString);
        await connection.ExecuteAsync(
            """
            SET lock_timeout = '5s';
            DO $$
            DECLARE
              t record;
              referenced int;
              passes int := 0;
            BEGIN
              LOOP
                referenced := 0;
                FOR t IN SELECT relname FROM pg_class WHERE relnamespace = current_schema()::text::regnamespace AND relkind = 'r' AND relname <> 'schema_versions' LOOP
                  BEGIN
                    EXECUTE format('DELETE FROM %I', t.relname);
                  EXCEPTION WHEN foreign_key_violation THEN
                    referenced := referenced + 1;
                  END;
                END LOOP;
                EXIT WHEN referenced = 0;
                passes := passes + 1;
                IF passes > 20 THEN
                  RAISE EXCEPTION 'rows of % tables are still referenced after 20 passes', referenced;
                END IF;
              END LOOP;
              PERFORM setval(q.seqrelid, q.seqstart, false) FROM pg_sequence q JOIN pg_class c ON c.oid = q.seqrelid
                WHERE c.relnamespace = current_schema()::text::regnamespace;
            END $$;
            """);
    }

    // Not pooled: a pool per schema would keep idle sessions open against PostgreSQL's connection limit.
    private static NpgsqlConnection Unpooled(string connectionString) =>
        new(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
}
