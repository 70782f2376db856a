using System.Data.Common;
using Dapper;

namespace EcoBid.Server.Tests.Hosting;

/// <summary>
/// What two databases must agree on for the same code to read both: per table its columns in order (name, storage
/// class, whether NULL is refused), its unique keys, its references, and its named indexes. Read from SQLite's pragmas or from
/// PostgreSQL's catalog, in the same words.
/// </summary>
internal sealed record SchemaShape(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Columns,
    IReadOnlySet<string> UniqueKeys,
    IReadOnlySet<string> ForeignKeys,
    IReadOnlyDictionary<string, string> Indexes)
{
    // SQLite's storage classes and the PostgreSQL types that keep them.
    private static readonly Dictionary<string, string> PostgresTypeOf = new(StringComparer.OrdinalIgnoreCase)
    {
        ["INTEGER"] = "bigint",
        ["REAL"] = "double precision",
        ["TEXT"] = "text",
        ["BLOB"] = "bytea",
    };

    /// <summary>
    /// The SQLite shape of <paramref name="tables"/> (virtual tables, those with a module, by column names only: their
    /// types and constraints are the module's; an R*Tree's first column is its rowid, a unique key) and of the named
    /// indexes in <paramref name="indexes"/>. A primary key column counts as NOT NULL,
    /// as PostgreSQL makes it: SQLite would take a NULL in a rowid table's text key, which the code never writes.
    /// </summary>
    public static async Task<SchemaShape> FromSqliteAsync(DbConnection connection, IEnumerable<(string Name, string? Module)> tables, IEnumerable<string> indexes)
    {
        var columns = new Dictionary<string, IReadOnlyList<string>>();
        var uniqueKeys = new SortedSet<string>(StringComparer.Ordinal);
        var foreignKeys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (table, module) in tables)
        {
            var isVirtual = module is not null;
            var info = (await connection.QueryAsync<(string Name, string Type, long NotNull, long Pk)>(
                "SELECT name, type, \"notnull\", pk FROM pragma_table_info(@table) ORDER BY cid", new { table })).AsList();
            columns[table] = [.. info.Select(c => isVirtual ? c.Name : Column(c.Name, PostgresTypeOf.GetValueOrDefault(c.Type, c.Type), c.NotNull != 0 || c.Pk > 0))];
            if (isVirtual)
            {
                if (module == "rtree")
                {
                    uniqueKeys.Add(Key(table, info[0].Name, isPartial: false));
                }

                continue;
            }

            foreach (var reference in (await connection.QueryAsync<(long Id, string Table, string From, string To, string OnDelete)>(
                "SELECT id, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list(@table) ORDER BY id, seq", new { table })).GroupBy(r => r.Id))
            {
                var first = reference.First();
                foreignKeys.Add(Reference(table, string.Join(",", reference.Select(r => r.From)), first.Table, string.Join(",", reference.Select(r => r.To)), first.OnDelete));
            }

            var primaryKey = info.Where(c => c.Pk > 0).OrderBy(c => c.Pk).Select(c => c.Name).ToList();
            if (primaryKey.Count > 0)
            {
                uniqueKeys.Add(Key(table, string.Join(",", primaryKey), isPartial: false));
            }

            foreach (var (index, unique, partial) in await connection.QueryAsync<(string, long, long)>(
                "SELECT name, \"unique\", partial FROM pragma_index_list(@table)", new { table }))
            {
                if (unique != 0)
                {
                    uniqueKeys.Add(Key(table, await SqliteIndexColumnsAsync(connection, index), partial != 0));
                }
            }
        }

        var named = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var index in indexes)
        {
            var (table, partial) = await connection.QuerySingleAsync<(string, long)>(
                "SELECT m.tbl_name, l.partial FROM sqlite_master m JOIN pragma_index_list(m.tbl_name) l ON l.name = m.name WHERE m.name = @index",
                new { index });
            named[index] = Key(table, await SqliteIndexColumnsAsync(connection, index), partial != 0);
        }

        return new SchemaShape(columns, uniqueKeys, foreignKeys, named);
    }

    /// <summary>The PostgreSQL shape of the current schema, every table and index in it.</summary>
    public static async Task<SchemaShape> FromPostgresAsync(DbConnection connection)
    {
        var columns = (await connection.QueryAsync<(string Table, string Name, string Type, string Nullable)>(
                """
                SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
                WHERE table_schema = current_schema() AND is_generated = 'NEVER' ORDER BY table_name, ordinal_position
                """))
            .GroupBy(c => c.Table)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(c => Column(c.Name, c.Type, c.Nullable == "NO"))]);
        var indexes = (await connection.QueryAsync<(string Name, string Table, bool IsUnique, bool IsPartial, string Columns)>(
            """
            SELECT ix.relname, t.relname, i.indisunique, i.indpred IS NOT NULL,
                (SELECT string_agg(COALESCE(a.attname, 'expr'), ',' ORDER BY k.ord)
                 FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k (attnum, ord)
                 LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum)
            FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_class ix ON ix.oid = i.indexrelid
            WHERE t.relnamespace = current_schema()::regnamespace
            """)).AsList();
        var references = await connection.QueryAsync<(string Table, string From, string Referenced, string To, char OnDelete)>(
            """
            SELECT t.relname,
                (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY AS k (attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum),
                r.relname,
                (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY AS k (attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum),
                c.confdeltype
            FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
            WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace
            """);
        return new SchemaShape(
            columns,
            new SortedSet<string>(indexes.Where(i => i.IsUnique).Select(i => Key(i.Table, i.Columns, i.IsPartial)), StringComparer.Ordinal),
            new SortedSet<string>(references.Select(r => Reference(r.Table, r.From, r.Referenced, r.To, PostgresDeleteAction(r.OnDelete))), StringComparer.Ordinal),
            indexes.ToDictionary(i => i.Name, i => Key(i.Table, i.Columns, i.IsPartial)));
    }

    private static async Task<string> SqliteIndexColumnsAsync(DbConnection connection, string index) =>
        string.Join(",", await connection.QueryAsync<string>("SELECT COALESCE(name, 'expr') FROM pragma_index_info(@index) ORDER BY seqno", new { index }));

    private static string PostgresDeleteAction(char code) => code switch
    {
        'a' => "NO ACTION",
        'r' => "RESTRICT",
        'c' => "CASCADE",
        'n' => "SET NULL",
        'd' => "SET DEFAULT",
        _ => code.ToString(),
    };

    private static string Reference(string table, string from, string referenced, string to, string onDelete) =>
        $"{table} ({from}) REFERENCES {referenced} ({to}) ON DELETE {onDelete}";

    private static string Column(string name, string type, bool notNull) => $"{name} {type}{(notNull ? " NOT NULL" : string.Empty)}";

    private static string Key(string table, string columns, bool isPartial) => $"{table} ({columns}){(isPartial ? " WHERE …" : string.Empty)}";
}
