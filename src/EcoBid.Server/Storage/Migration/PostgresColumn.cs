using NpgsqlTypes;

namespace EcoBid.Server.Storage.Migration;

/// <summary>A column of the target table, and how a SQLite value (integer, real, text or blob) becomes its type.</summary>
internal sealed record PostgresColumn(string Name, string DataType, bool GeneratedAlways)
{
    public NpgsqlDbType DbType => DataType switch
    {
        "bigint" => NpgsqlDbType.Bigint,
        "integer" => NpgsqlDbType.Integer,
        "smallint" => NpgsqlDbType.Smallint,
        "double precision" => NpgsqlDbType.Double,
        "real" => NpgsqlDbType.Real,
        "numeric" => NpgsqlDbType.Numeric,
        "boolean" => NpgsqlDbType.Boolean,
        "bytea" => NpgsqlDbType.Bytea,
        "timestamp with time zone" => NpgsqlDbType.TimestampTz,
        "text" or "character varying" => NpgsqlDbType.Text,
        _ => throw new MigrationException($"Column {Name} has type {DataType}, which the migration does not know how to fill."),
    };

    /// <summary>
    /// SQLite stores times as unix milliseconds and flags as 0/1; the runtime's PostgreSQL tables hold timestamptz and
    /// booleans. Everything else keeps its storage class.
    /// </summary>
    public object Convert(object value) => DbType switch
    {
        NpgsqlDbType.Bigint => System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
        NpgsqlDbType.Integer => System.Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture),
        NpgsqlDbType.Smallint => System.Convert.ToInt16(value, System.Globalization.CultureInfo.InvariantCulture),
        NpgsqlDbType.Double => System.Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
        NpgsqlDbType.Real => System.Convert.ToSingle(value, System.Globalization.CultureInfo.InvariantCulture),
        NpgsqlDbType.Numeric => System.Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture),
        NpgsqlDbType.Boolean => System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) != 0,
        NpgsqlDbType.TimestampTz => DateTimeOffset.FromUnixTimeMilliseconds(System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)).UtcDateTime,
        NpgsqlDbType.Bytea => value as byte[] ?? System.Text.Encoding.UTF8.GetBytes(System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!),
        _ => System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
    };
}
