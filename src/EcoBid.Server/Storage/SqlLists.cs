using System.Data.Common;
using System.Text.RegularExpressions;

namespace EcoBid.Server.Storage;

/// <summary>
/// <c>column IN @list</c> on both databases. Dapper expands a list parameter into one parameter per value on SQLite,
/// but hands Npgsql the whole list as one array, which PostgreSQL accepts only as <c>= ANY(@list)</c>.
/// </summary>
public static partial class SqlLists
{
    public static string For(DbConnection connection, string sql) =>
        SqlDialects.Of(connection) == SqlDialect.Postgres ? InList().Replace(sql, "= ANY(@${name})") : sql;

    [GeneratedRegex(@"\bIN @(?<name>\w+)")]
    private static partial Regex InList();
}
