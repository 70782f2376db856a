using Dapper;
using EcoBid.Server.Observability.Business;
using EcoBid.Server.Observability.Trace;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Observability;

/// <summary>The operator's queries read through their indexes, not the whole archive.</summary>
public sealed class QueryPlanTests : IDisposable
{
    private readonly EcoBidApp _app = new();

    public void Dispose() => _app.Dispose();

    public static TheoryData<string, string> Queries => new()
    {
        { CorrelationTraceQuery.Archived, "ix_event_archive_correlation" },
        { BusinessMetricsQuery.Events, "ix_event_archive_business" },
        { BusinessMetricsQuery.Users, "ix_users_created" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task The_query_uses_its_index(string sql, string index)
    {
        _ = _app.CreateClient();
        var plan = await _app.Database.ReadAsync(async connection =>
            (await connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>("EXPLAIN QUERY PLAN " + sql, new { id = "x", max = 10, from = 0L, to = 1L, bucket = 3_600_000L }))
                .Select(r => r.Detail).ToList());

        plan.ShouldContain(step => step.Contains($"USING INDEX {index}", StringComparison.Ordinal) || step.Contains($"USING COVERING INDEX {index}", StringComparison.Ordinal), string.Join(" | ", plan));
        plan.ShouldNotContain(step => step.StartsWith("SCAN event_archive", StringComparison.Ordinal) || step.StartsWith("SCAN users", StringComparison.Ordinal), string.Join(" | ", plan));
    }
}
