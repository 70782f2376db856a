using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EcoBid.Server.Storage;

/// <summary>The two databases EcoBid runs on. Most statements read the same on both; the few that cannot ask this.</summary>
public enum SqlDialect
{
    Sqlite,
    Postgres,
}

public static class SqlDialects
{
    public static SqlDialect Of(DbConnection connection) => connection switch
    {
        SqliteConnection => SqlDialect.Sqlite,
        NpgsqlConnection => SqlDialect.Postgres,
        _ => throw new ArgumentException($"EcoBid runs on SQLite or PostgreSQL, not on {connection?.GetType().Name}.", nameof(connection)),
    };
}
