using System.Data.Common;

namespace EcoBid.Events.Postgres;

/// <summary>Values to and from PostgreSQL: <c>timestamptz</c> takes only UTC offsets, and a null is DBNull.</summary>
internal static class PostgresValues
{
    /// <summary>Stands for "never visible" (a dead letter): far beyond any time the runtime works with, but finite.</summary>
    public static readonly DateTimeOffset Never = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static object ToDb(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset time => time.ToUniversalTime(),
        _ => value,
    };

    public static DateTimeOffset Time(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public static DateTimeOffset? NullableTime(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
