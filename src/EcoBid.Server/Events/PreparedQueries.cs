using Dapper;
using EcoBid.Events.Storage;

namespace EcoBid.Server.Events;

/// <summary>
/// Dapper's row mapping over the write scope's prepared commands (<see cref="IWriteScope.Prepared"/>), for the
/// statements handlers run on every event: a cached statement skips SQLite's parse and plan, which costs more than
/// running a primary-key lookup. Parameters are named with their prefix (<c>@id</c>, which SQLite and PostgreSQL both read) and given in one fixed order.
/// </summary>
public static class PreparedQueries
{
    /// <summary>The first row mapped to <typeparamref name="T"/>, or its default when there is none.</summary>
    public static async Task<T?> QueryFirstPreparedAsync<T>(this IWriteScope scope, string sql, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var command = scope.Prepared(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(scope.CancellationToken);
        return await reader.ReadAsync(scope.CancellationToken) ? Parser<T>(reader)(reader) : default;
    }

    /// <summary>A single value (text, number, flag) is read from the first column; anything else is mapped by Dapper.</summary>
    private static Func<System.Data.Common.DbDataReader, T?> Parser<T>(System.Data.Common.DbDataReader reader)
    {
        if (Type.GetTypeCode(Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T)) == TypeCode.Object)
        {
            var parse = reader.GetRowParser<T>();
            return r => parse(r);
        }

        return static r => r.IsDBNull(0) ? default : r.GetFieldValue<T>(0);
    }

    /// <summary>Runs a statement; returns the rows it changed.</summary>
    public static async Task<int> ExecutePreparedAsync(this IWriteScope scope, string sql, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return await scope.Prepared(sql, parameters).ExecuteNonQueryAsync(scope.CancellationToken);
    }
}
