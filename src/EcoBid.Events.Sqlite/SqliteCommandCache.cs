using Microsoft.Data.Sqlite;

namespace EcoBid.Events.Sqlite;

/// <summary>
/// Prepared commands on the writer connection, one per SQL text. Microsoft.Data.Sqlite prepares the statements of
/// each command object on its first execution and finalizes them when it is disposed, so a fresh command per call
/// parses and plans its SQL every time; the runtime's hot paths run the same few statements over and over. The
/// cache is used only under the write gate, on the one writer connection, so it needs no locking; it lives as long as
/// that connection.
/// </summary>
internal sealed class SqliteCommandCache : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>
    /// The cached command for <paramref name="sql"/>, bound to <paramref name="transaction"/> and given the values of
    /// <paramref name="parameters"/>. Every call for one SQL text must name the same parameters in the same order.
    /// The caller must not dispose the command; a reader it opens must be disposed before the command runs again.
    /// </summary>
    public SqliteCommand Get(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string sql,
        ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, _) in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            _commands.Add(sql, command);
        }

        if (command.Parameters.Count != parameters.Length)
        {
            throw new InvalidOperationException($"A cached command was given {parameters.Length} parameters, not {command.Parameters.Count}: {sql}");
        }

        command.Transaction = transaction;
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = command.Parameters[i];
            if (!string.Equals(parameter.ParameterName, parameters[i].Name, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"A cached command was given parameter {parameters[i].Name} where it expects {parameter.ParameterName}: {sql}");
            }

            parameter.Value = parameters[i].Value ?? DBNull.Value;
        }

        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }
}
