using EcoBid.Events.Storage;
using Npgsql;

namespace EcoBid.Events.Postgres;

/// <summary>Commands with <c>@name</c> parameters, on a connection of their own or in a write scope.</summary>
internal static class PostgresCommands
{
    public static NpgsqlCommand Create(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            if (value is NpgsqlParameterValue typed)
            {
                command.Parameters.Add(new NpgsqlParameter(name, typed.Type) { Value = PostgresValues.ToDb(typed.Value) });
            }
            else
            {
                command.Parameters.AddWithValue(name, PostgresValues.ToDb(value));
            }
        }

        return command;
    }

    public static NpgsqlCommand Create(IWriteScope scope, string sql, params (string Name, object? Value)[] parameters)
    {
        var postgres = PostgresWriteScope.Of(scope);
        var command = Create(postgres.Npgsql, sql, parameters);
        command.Transaction = (NpgsqlTransaction)postgres.Transaction;
        return command;
    }
}
