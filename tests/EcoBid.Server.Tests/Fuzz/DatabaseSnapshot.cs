using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace EcoBid.Server.Tests.Fuzz;

/// <summary>
/// Every table's row count and a checksum of its rows, read on a connection of its own. SQLite's data_version tells
/// cheaply whether any other connection committed since the last look, so most requests cost one pragma.
/// </summary>
public sealed class DatabaseSnapshot : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly IReadOnlyDictionary<string, string[]> _ignoredColumns;

    /// <param name="ignoredColumns">Columns a refused request may change legitimately, by table.</param>
    public DatabaseSnapshot(string databasePath, IReadOnlyDictionary<string, string[]> ignoredColumns)
    {
        _connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        _connection.Open();
        _ignoredColumns = ignoredColumns;
    }

    public long DataVersion()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Given as a table's ignored column: the whole table may change.</summary>
    public const string WholeTable = "*";

    /// <summary>Table name → "rows:checksum" for every ordinary table (virtual tables are seen through their shadow tables).</summary>
    public Dictionary<string, string> Take()
    {
        var tables = new List<string>();
        using (var list = _connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var snapshot = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var ignored = _ignoredColumns.GetValueOrDefault(table) ?? [];
            if (ignored.Contains(WholeTable, StringComparer.Ordinal))
            {
                continue;
            }

            var rows = new List<string>();
            using var select = _connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                var row = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (ignored.Contains(reader.GetName(i), StringComparer.Ordinal))
                    {
                        continue;
                    }

                    var value = reader.GetValue(i);
                    row.Append(reader.GetName(i)).Append('=').Append(value is byte[] blob ? Convert.ToBase64String(blob) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)).Append('\u001f');
                }

                rows.Add(row.ToString());
            }

            rows.Sort(StringComparer.Ordinal);
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', rows))))[..16];
            snapshot[table] = $"{rows.Count}:{hash}";
        }

        return snapshot;
    }

    /// <summary>The tables whose rows differ between two snapshots.</summary>
    public static IReadOnlyList<string> Changed(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        [.. before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t)).Order(StringComparer.Ordinal)];

    public void Dispose() => _connection.Dispose();
}
