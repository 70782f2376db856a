using System.Data.Common;
using System.Text;

namespace EcoBid.Server.Items.Search;

/// <summary>SQL text built from constant fragments, with its values bound as parameters (never spliced in).</summary>
public sealed class SqlQuery
{
    private readonly StringBuilder _text = new();
    private readonly List<KeyValuePair<string, object>> _parameters = [];

    public SqlQuery Append(string sql)
    {
        _text.Append(sql);
        return this;
    }

    /// <summary>Binds the value to a fresh parameter and returns its name, for use in the text.</summary>
    public string Bind(object value)
    {
        var name = "@p" + _parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _parameters.Add(new(name, value));
        return name;
    }

    public override string ToString() => _text.ToString();

    public DbCommand CreateCommand(DbConnection connection, DbTransaction? transaction)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = _text.ToString();
        foreach (var (name, value) in _parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
