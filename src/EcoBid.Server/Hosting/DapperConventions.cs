using System.Runtime.CompilerServices;
using Dapper;

namespace EcoBid.Server.Hosting;

/// <summary>
/// Dapper reads <c>seller_id</c> into <c>SellerId</c>: the convention every row record of the server relies on.
/// </summary>
/// <remarks>
/// It is set when the assembly is loaded, not when the host is composed: Dapper caches a row reader per record type
/// and column list for the whole process, so a query that ran before the setting (a store used without the host, as
/// some tests do) would leave a reader that drops every snake_case column, for every later query of that shape.
/// </remarks>
internal static class DapperConventions
{
#pragma warning disable CA2255 // The server's own assembly, not a library: its row records need this before any query.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Apply() => DefaultTypeMap.MatchNamesWithUnderscores = true;
}
