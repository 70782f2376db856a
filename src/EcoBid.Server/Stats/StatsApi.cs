using Dapper;
using EcoBid.Events.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoBid.Server.Stats;

public static class StatsApi
{
    public static IEndpointRouteBuilder MapStatsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/stats", GetStats).WithTags("Stats").WithSummary("Marketplace counters kept by the UpdateStats and Index handlers.");
        return routes;
    }

    public static async Task<Ok<StatsResponse>> GetStats(IEventDatabase database, CancellationToken cancellationToken) =>
        TypedResults.Ok(await database.ReadAsync(async connection =>
        {
            var counters = (await connection.QueryAsync<(string Name, long Value)>("SELECT name, value FROM stats_totals ORDER BY name"))
                .ToDictionary(c => c.Name, c => c.Value, StringComparer.Ordinal);
            var items = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM items");
            var indexed = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM item_search");
            return new StatsResponse(items, indexed, counters);
        }, cancellationToken));
}

public sealed record StatsResponse(long Items, long IndexedItems, IReadOnlyDictionary<string, long> Counters);
