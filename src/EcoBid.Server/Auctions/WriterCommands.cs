using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using EcoBid.Events.Storage;

namespace EcoBid.Server.Auctions;

/// <summary>
/// The bid path's statements, prepared once per writer connection. A fresh command object is parsed and planned by
/// SQLite on every execution, which was most of a bid's cost; the runtime caches its own hot statements the same way.
/// Only for use inside a write scope: the writer runs one scope at a time, so a connection's commands are never
/// used concurrently. The cache goes with its connection.
/// </summary>
public static class WriterCommands
{
    private static readonly ConditionalWeakTable<DbConnection, Dictionary<string, DbCommand>> Cache = [];
    private static readonly ConditionalWeakTable<DbConnection, Dictionary<string, Delegate>> RowParsers = [];

    public static async Task<int> ExecuteAsync(IWriteScope scope, string sql, params (string Name, object? Value)[] parameters) =>
        await Bind(scope, sql, parameters).ExecuteNonQueryAsync(scope.CancellationToken);

    public static async Task<T?> ScalarAsync<T>(IWriteScope scope, string sql, params (string Name, object? Value)[] parameters)
    {
        var value = await Bind(scope, sql, parameters).ExecuteScalarAsync(scope.CancellationToken);
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The first row as <typeparamref name="T"/>, mapped by Dapper's rules (snake_case columns to properties), or null.</summary>
    public static async Task<T?> FirstOrDefaultAsync<T>(IWriteScope scope, string sql, params (string Name, object? Value)[] parameters)
        where T : class
    {
        await using var reader = await Bind(scope, sql, parameters).ExecuteReaderAsync(scope.CancellationToken);
        if (!await reader.ReadAsync(scope.CancellationToken))
        {
            return null;
        }

        // Finding Dapper's mapper reads every column's name from SQLite each time; one SQL text always has the same
        // columns, so its mapper is kept with the prepared command.
        var parsers = RowParsers.GetValue(scope.Connection, _ => new Dictionary<string, Delegate>(StringComparer.Ordinal));
        if (!parsers.TryGetValue(sql, out var parser))
        {
            parser = reader.GetRowParser<T>();
            parsers.Add(sql, parser);
        }

        return ((Func<DbDataReader, T>)parser)(reader);
    }

    /// <summary>
    /// The first row read by the row reader that <paramref name="rowReader"/> builds from the first reader of this SQL
    /// text (kept with the prepared command, like the Dapper mapper of the overload above), or null: for rows Dapper cannot map to one type alone.
    /// </summary>
    public static async Task<T?> FirstOrDefaultAsync<T>(
        IWriteScope scope, string sql, Func<DbDataReader, Func<DbDataReader, T>> rowReader, params (string Name, object? Value)[] parameters)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(rowReader);
        await using var reader = await Bind(scope, sql, parameters).ExecuteReaderAsync(scope.CancellationToken);
        if (!await reader.ReadAsync(scope.CancellationToken))
        {
            return null;
        }

        var parsers = RowParsers.GetValue(scope.Connection, _ => new Dictionary<string, Delegate>(StringComparer.Ordinal));
        if (!parsers.TryGetValue(sql, out var parser))
        {
            parser = rowReader(reader);
            parsers.Add(sql, parser);
        }

        return ((Func<DbDataReader, T>)parser)(reader);
    }

    private static DbCommand Bind(IWriteScope scope, string sql, (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var commands = Cache.GetValue(scope.Connection, _ => new Dictionary<string, DbCommand>(StringComparer.Ordinal));
        if (!commands.TryGetValue(sql, out var command))
        {
            command = scope.Connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, _) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }

            commands.Add(sql, command);
        }

        command.Transaction = scope.Transaction;
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters[i].Value = parameters[i].Value ?? DBNull.Value;
        }

        return command;
    }
}
