using Dapper;
using EcoBid.Domain.Items;
using EcoBid.Events.Postgres;
using EcoBid.Events.Signals;
using EcoBid.Server.Hosting;
using EcoBid.Server.Items.Search;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace EcoBid.Server.Storage.Migration;

/// <summary>
/// Moves an embedded community to PostgreSQL (<c>ecobid migrate</c>): every table of the SQLite file (state, outbox,
/// archive, queues, inbox, timers, schedules, replays) into a PostgreSQL database that holds no data yet, migrated to
/// the current schema first. The file is read in one snapshot (a read transaction), so a server still running on it
/// cannot tear the copy; what it writes after the snapshot is not moved, so stop it first. Rows go over with binary
/// COPY; times and flags of the runtime's tables become timestamptz and booleans; the search index is rebuilt from the
/// items, as the Index handler would write it. Every table is counted on both sides at the end.
/// </summary>
public sealed class SqliteToPostgresMigration(string sqlitePath, string postgresConnectionString, TimeProvider clock)
{
    private const int SearchBatch = 500;

    /// <summary>Not copied: the versions are the target's own, and the search index is rebuilt (its SQLite form is FTS5).</summary>
    private static readonly HashSet<string> NotCopied = new(StringComparer.Ordinal) { "schema_versions", "item_search" };

    /// <summary>Copies everything, reporting each table as it advances; returns every table with both counts.</summary>
    public async Task<IReadOnlyList<TableCopy>> RunAsync(Action<TableCopy>? progress, CancellationToken cancellationToken)
    {
        if (!File.Exists(sqlitePath))
        {
            throw new MigrationException($"There is no SQLite database at {sqlitePath}.");
        }

        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sqlitePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await source.OpenAsync(cancellationToken);
        await CheckSourceIsCurrentAsync(source);
        await MigrateTargetAsync(cancellationToken);

        await using var target = new NpgsqlConnection(postgresConnectionString);
        await target.OpenAsync(cancellationToken);
        var tables = await TargetTablesAsync(target);
        await RefuseIfNotEmptyAsync(target, tables.Keys);
        var order = await ParentsFirstAsync(target, tables.Keys);

        await using var snapshot = source.BeginTransaction(deferred: true);
        var copies = new List<TableCopy>();
        foreach (var table in order)
        {
            var columns = tables[table];
            if (!await SourceHasAsync(source, table))
            {
                continue;
            }

            var sourceColumns = (await source.QueryAsync<string>($"SELECT name FROM pragma_table_info('{table}')", transaction: snapshot)).ToHashSet(StringComparer.Ordinal);
            var copied = columns.Where(c => !c.GeneratedAlways && sourceColumns.Contains(c.Name)).ToList();
            var copy = new TableCopy(table, await source.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM \"{table}\"", transaction: snapshot));
            progress?.Invoke(copy);
            await CopyTableAsync(source, snapshot, target, copy, copied, progress, cancellationToken);
            copies.Add(copy);
        }

        await ResetIdentitiesAsync(target);
        await RebuildSearchAsync(target, cancellationToken);
        foreach (var copy in copies)
        {
            copy.TargetRows = await target.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM \"{copy.Table}\"");
            progress?.Invoke(copy);
        }

        return copies;
    }

    private static async Task CheckSourceIsCurrentAsync(SqliteConnection source)
    {
        var applied = (await source.QueryAsync<(string Component, long Version)>("SELECT component, MAX(version) FROM schema_versions GROUP BY component"))
            .ToDictionary(r => r.Component, r => r.Version, StringComparer.Ordinal);
        var behind = EcoBidSchema.Scripts.GroupBy(s => s.Component)
            .Where(g => applied.GetValueOrDefault(g.Key) < g.Max(s => s.Version))
            .Select(g => g.Key)
            .ToList();
        if (behind.Count > 0)
        {
            throw new MigrationException(
                $"The SQLite file's schema is older than this version of EcoBid ({string.Join(", ", behind)}): start EcoBid on it once (it upgrades the file at start), stop it, then migrate.");
        }
    }

    private async Task MigrateTargetAsync(CancellationToken cancellationToken)
    {
        await using var database = new PostgresDatabase(Options.Create(new PostgresOptions { ConnectionString = postgresConnectionString }), new RuntimeSignals(), clock);
        try
        {
            await database.MigrateAsync(EcoBidPostgresSchema.Scripts, cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            var builder = new NpgsqlConnectionStringBuilder(postgresConnectionString);
            throw new MigrationException($"PostgreSQL at {builder.Host}:{builder.Port}/{builder.Database} refused or is unreachable: {ex.Message}", ex);
        }
    }

    /// <summary>The application's and runtime's tables in the target's schema, with their columns in order.</summary>
    private static async Task<Dictionary<string, List<PostgresColumn>>> TargetTablesAsync(NpgsqlConnection target)
    {
        var rows = await target.QueryAsync<(string Table, string Column, string DataType, bool GeneratedAlways)>(
            """
            SELECT c.table_name, c.column_name, c.data_type,
                   (c.is_generated = 'ALWAYS' OR c.identity_generation = 'ALWAYS') AS generated_always
            FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
            ORDER BY c.table_name, c.ordinal_position
            """);
        return rows.Where(r => !NotCopied.Contains(r.Table))
            .GroupBy(r => r.Table, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => new PostgresColumn(r.Column, r.DataType, r.GeneratedAlways)).ToList(), StringComparer.Ordinal);
    }

    /// <summary>The tables ordered so that every table a foreign key refers to is filled before the table that refers to it.</summary>
    private static async Task<List<string>> ParentsFirstAsync(NpgsqlConnection target, IEnumerable<string> tables)
    {
        var references = (await target.QueryAsync<(string Child, string Parent)>(
            """
            SELECT c.conrelid::regclass::text, c.confrelid::regclass::text FROM pg_constraint c
            WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace AND c.conrelid <> c.confrelid
            """)).ToLookup(r => r.Child.Trim('"'), r => r.Parent.Trim('"'), StringComparer.Ordinal);
        var ordered = new List<string>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        void Place(string table, int depth)
        {
            if (placed.Contains(table) || depth > 64)
            {
                return;
            }

            foreach (var parent in references[table])
            {
                Place(parent, depth + 1);
            }

            if (placed.Add(table))
            {
                ordered.Add(table);
            }
        }

        foreach (var table in tables.Order(StringComparer.Ordinal))
        {
            Place(table, 0);
        }

        return ordered.Where(tables.Contains).ToList();
    }

    private static async Task RefuseIfNotEmptyAsync(NpgsqlConnection target, IEnumerable<string> tables)
    {
        foreach (var table in tables)
        {
            if (await target.ExecuteScalarAsync<bool>($"SELECT EXISTS (SELECT 1 FROM \"{table}\")"))
            {
                throw new MigrationException($"The PostgreSQL database already holds data (table {table}); migrate into an empty database.");
            }
        }
    }

    private static async Task<bool> SourceHasAsync(SqliteConnection source, string table) =>
        await source.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @table", new { table }) > 0;

    private static async Task CopyTableAsync(
        SqliteConnection source, SqliteTransaction snapshot, NpgsqlConnection target, TableCopy copy, List<PostgresColumn> columns, Action<TableCopy>? progress, CancellationToken cancellationToken)
    {
        var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        // Rows in insertion order, so identity columns the target numbers afresh (outbox and archive sequences) keep it.
        var withRowid = !(await source.ExecuteScalarAsync<string>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = @table", new { table = copy.Table }, snapshot) ?? string.Empty)
            .Contains("WITHOUT ROWID", StringComparison.OrdinalIgnoreCase);
        await using var read = source.CreateCommand();
        read.Transaction = snapshot;
        read.CommandText = $"SELECT {names} FROM \"{copy.Table}\"{(withRowid ? " ORDER BY rowid" : string.Empty)}";
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        await using var writer = await target.BeginBinaryImportAsync($"COPY \"{copy.Table}\" ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            await writer.StartRowAsync(cancellationToken);
            for (var i = 0; i < columns.Count; i++)
            {
                if (reader.IsDBNull(i))
                {
                    await writer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await writer.WriteAsync(columns[i].Convert(reader.GetValue(i)), columns[i].DbType, cancellationToken);
                }
            }

            if (++copy.Copied % 1000 == 0)
            {
                progress?.Invoke(copy);
            }
        }

        await writer.CompleteAsync(cancellationToken);
        progress?.Invoke(copy);
    }

    /// <summary>Identity columns filled with the file's own numbers continue after the highest one.</summary>
    private static async Task ResetIdentitiesAsync(NpgsqlConnection target)
    {
        var identities = await target.QueryAsync<(string Table, string Column)>(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND identity_generation = 'BY DEFAULT'");
        foreach (var (table, column) in identities)
        {
            await target.ExecuteAsync(
                $"SELECT setval(pg_get_serial_sequence(@qualified, @column), COALESCE((SELECT MAX(\"{column}\") FROM \"{table}\"), 0) + 1, false)",
                new { qualified = $"\"{table}\"", column });
        }
    }

    /// <summary>The words of every listed item, as IndexItem files them on PostgreSQL.</summary>
    private static async Task RebuildSearchAsync(NpgsqlConnection target, CancellationToken cancellationToken)
    {
        long after = 0;
        while (true)
        {
            var items = (await target.QueryAsync<(long Seq, string Id, string Title, string Description)>(
                "SELECT seq, id, title, description FROM items WHERE seq > @after AND status <> @withdrawn ORDER BY seq LIMIT @batch",
                new { after, withdrawn = ItemStatus.Withdrawn, batch = SearchBatch })).AsList();
            if (items.Count == 0)
            {
                return;
            }

            await target.ExecuteAsync(new CommandDefinition(
                $"""
                INSERT INTO item_search (seq, item_id, title_words, words)
                SELECT s, i, to_tsvector('{PostgresSearchText.Configuration}', t), to_tsvector('{PostgresSearchText.Configuration}', t || ' ' || d)
                FROM unnest(@seqs, @ids, @titles, @descriptions) AS x(s, i, t, d)
                """,
                new
                {
                    seqs = items.Select(i => i.Seq).ToArray(),
                    ids = items.Select(i => i.Id).ToArray(),
                    titles = items.Select(i => PostgresSearchText.Fold(i.Title)).ToArray(),
                    descriptions = items.Select(i => PostgresSearchText.Fold(i.Description)).ToArray(),
                },
                cancellationToken: cancellationToken));
            after = items[^1].Seq;
        }
    }
}
