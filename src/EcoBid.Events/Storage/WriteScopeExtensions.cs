using System.Data.Common;

namespace EcoBid.Events.Storage;

public static class WriteScopeExtensions
{
    /// <summary>A command bound to the scope's connection and transaction, with the given parameters.</summary>
    public static DbCommand Command(this IWriteScope scope, string sql, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var command = scope.Connection.CreateCommand();
        command.Transaction = scope.Transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
