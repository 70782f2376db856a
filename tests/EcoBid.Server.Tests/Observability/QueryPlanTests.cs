using Dapper;
using EcoBid.Server.Observability.Business;
using EcoBid.Server.Observability.Trace;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Observability;

/// <summary>The operator's queries read through their indexes, not the whole archive, on the store the run uses.</summary>
public sealed class QueryPlanTests : IDisposable
{
    private static readonly object Parameters = new
    {
        id = "x", max = 10, from = 0L, to = 1L, bucket = 3_600_000L,
        fromTime = DateTimeOffset.UnixEpoch, toTime = DateTimeOffset.UnixEpoch.AddHours(1),
    };

    private readonly EcoBidApp _app = new();

    public void Dispose() => _app.Dispose();

    /// <summary>Each query as SQLite runs it, as PostgreSQL runs it, and the index both must use.</summary>
    public static TheoryData<string, string, string> Queries => new()
    {
        { CorrelationTraceQuery.Archived, CorrelationTraceQuery.ArchivedOnPostgres, "ix_event_archive_correlation" },
        { BusinessMetricsQuery.Events, BusinessMetricsQuery.EventsOnPostgres, "ix_event_archive_business" },
        { BusinessMetricsQuery.Users, BusinessMetricsQuery.Users, "ix_users_created" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task The_query_uses_its_index(string sql, string postgresSql, string index)
    {
        _ = _app.CreateClient();
        var plan = await _app.Database.ReadAsync(async connection =>
        {
            if (connection is Npgsql.NpgsqlConnection)
            {
                // The tables are nearly empty, where a scan is the cheaper plan; with scans priced out, a plan that
                // still scans has no index it can use.
                await connection.ExecuteAsync("SET enable_seqscan = off");
                try
                {
                    return (await connection.QueryAsync<string>("EXPLAIN " + postgresSql, Parameters)).ToList();
                }
                finally
                {
                    await connection.ExecuteAsync("RESET enable_seqscan");
                }
            }

            return (await connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>("EXPLAIN QUERY PLAN " + sql, Parameters))
                .Select(r => r.Detail).ToList();
        });

        var shown = string.Join(" | ", plan);
        plan.ShouldContain(step => step.Contains($"USING INDEX {index}", StringComparison.Ordinal) || step.Contains($"USING COVERING INDEX {index}", StringComparison.Ordinal) || step.Contains($"using {index} ", StringComparison.Ordinal) || step.Contains($"Bitmap Index Scan on {index} ", StringComparison.Ordinal), shown);
        plan.ShouldNotContain(step => step.StartsWith("SCAN event_archive", StringComparison.Ordinal) || step.StartsWith("SCAN users", StringComparison.Ordinal) || step.Contains("Seq Scan", StringComparison.Ordinal), shown);
    }
}
