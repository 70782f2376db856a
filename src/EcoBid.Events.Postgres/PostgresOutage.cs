using Npgsql;

namespace EcoBid.Events.Postgres;

/// <summary>Tells a PostgreSQL outage (the server cannot be reached or is going away) from a refused statement.</summary>
public static class PostgresOutage
{
    /// <summary>Whether <paramref name="exception"/>, or one it wraps, says PostgreSQL is out of reach for now.</summary>
    public static bool Is(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException postgres ? IsOutage(postgres.SqlState) : current is NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Connection exceptions (08), operator intervention such as a shutdown or a server still starting (57P), and
    /// too many connections (53300): states a retry outlives. A constraint or syntax error is not among them.
    /// </summary>
    private static bool IsOutage(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState.StartsWith("57P", StringComparison.Ordinal) || sqlState == "53300";
}
