using System.Data.Common;

namespace EcoBid.Server.Items.Search;

/// <summary>One search: its query, and the connection and read transaction (one snapshot) its statements run in.</summary>
public sealed class SearchSession(DbConnection connection, DbTransaction transaction, ItemSearchQuery query, CancellationToken cancellationToken)
{
    public ItemSearchQuery Query => query;

    /// <summary>The statements for this connection's database.</summary>
    public SearchStatements Statements { get; } = SearchStatements.For(connection);

    public DbConnection Connection => connection;

    public DbTransaction Transaction => transaction;

    public CancellationToken CancellationToken => cancellationToken;

    /// <summary>Every row of a statement selecting <c>seq, lat, lon</c>.</summary>
    public async Task<List<SearchCandidate>> ReadAllAsync(SqlQuery sql, int tier = 0)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var rows = new List<SearchCandidate>();
        await using var command = sql.CreateCommand(connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(Candidate(reader.GetInt64(0), reader.GetDouble(1), reader.GetDouble(2), tier));
        }

        return rows;
    }

    /// <summary>
    /// Reads a statement whose rows come in the search's order and adds those inside the search circle to
    /// <paramref name="found"/>, until it holds <paramref name="needed"/>. SQLite produces rows as they are read, so
    /// stopping early stops the work.
    /// </summary>
    public async Task ReadInOrderAsync(SqlQuery sql, int tier, List<SearchCandidate> found, int needed)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(found);
        await using var command = sql.CreateCommand(connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (found.Count < needed && await reader.ReadAsync(cancellationToken))
        {
            var candidate = Candidate(reader.GetInt64(0), reader.GetDouble(1), reader.GetDouble(2), tier);
            if (query.Area is not { } area || candidate.DistanceKm <= area.RadiusKm)
            {
                found.Add(candidate);
            }
        }
    }

    /// <summary>The first column of every row, as ids.</summary>
    public async Task<List<long>> ReadIdsAsync(SqlQuery sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var ids = new List<long>();
        await using var command = sql.CreateCommand(connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    public async Task<long> CountAsync(SqlQuery sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        await using var command = sql.CreateCommand(connection, transaction);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private SearchCandidate Candidate(long seq, double lat, double lon, int tier) =>
        new(seq, lat, lon, tier, query.Area is { } area ? area.Centre.DistanceKmTo(new Domain.Geo.GeoPoint(lat, lon)) : 0);
}
