using System.Data.Common;
using System.Text.RegularExpressions;

namespace EcoBid.Server.Tests.Infrastructure;

/// <summary>
/// The tests' own looks at the database, written in SQLite's dialect, read on PostgreSQL too: <c>json_extract(x,
/// '$.a.b')</c> becomes <c>ecobid_json(x) #&gt;&gt; '{a,b}'</c> (text, so compare it with text).
/// </summary>
public static partial class PortableSql
{
    public static string For(DbConnection connection, string sql) =>
        connection is Npgsql.NpgsqlConnection ? JsonExtract().Replace(sql, m => $"(ecobid_json({m.Groups["doc"].Value}) #>> '{{{Path(m.Groups["path"].Value)}}}')") : sql;

    private static string Path(string path) => string.Join(',', PathPart().Matches(path).Select(p => p.Groups["quoted"].Success ? p.Groups["quoted"].Value : p.Groups["plain"].Value));

    [GeneratedRegex(@"json_extract\((?<doc>\w+), '\$\.(?<path>[^']+)'\)")]
    private static partial Regex JsonExtract();

    [GeneratedRegex(@"""(?<quoted>[^""]+)""|(?<plain>[^.""]+)")]
    private static partial Regex PathPart();
}
