using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using EcoBid.Events.Storage;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Replay;

/// <summary>Starting a replay over HTTP and waiting for it, by polling its status against a deadline.</summary>
public static class ReplaySteps
{
    public static readonly DateTimeOffset Beginning = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] FinalStates = ["completed", "cancelled", "failed"];

    /// <summary>A replay over the whole archive (up to an hour from now), optionally with a pattern (JSON text) and targets.</summary>
    public static Task<HttpResponseMessage> StartReplayAsync(this HttpClient client, string name, string? eventPattern = null, string[]? targets = null) =>
        client.PostAsJsonAsync("/admin/replays", new
        {
            name,
            from = Beginning,
            to = DateTimeOffset.UtcNow.AddHours(1),
            eventPattern = eventPattern is null ? (JsonElement?)null : JsonDocument.Parse(eventPattern).RootElement,
            targets,
        });

    /// <summary>Polls the replay until it reaches a final state, which must be <paramref name="expected"/>; returns its status.</summary>
    public static async Task<JsonElement> WaitForReplayAsync(this HttpClient client, string name, string expected = "completed", double seconds = 15)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var status = await (await client.GetAsync($"/admin/replays/{name}")).ReadJsonAsync();
            var state = status.GetProperty("state").GetString();
            if (FinalStates.Contains(state))
            {
                state.ShouldBe(expected, status.ToString());
                return status;
            }

            deadline.Elapsed.TotalSeconds.ShouldBeLessThan(seconds, $"replay {name} is still {state}");
            await Task.Delay(25);
        }
    }

    /// <summary>The search index's rows: the indexed text on SQLite (FTS5), the indexed words on PostgreSQL (tsvectors).</summary>
    public static Task<List<(string ItemId, string Title, string Description)>> SearchIndexAsync(this IEventDatabase database) =>
        database.ReadAsync(async connection =>
            (await connection.QueryAsync<(string, string, string)>(connection is Npgsql.NpgsqlConnection
                ? "SELECT item_id, title_words::text, words::text FROM item_search ORDER BY item_id"
                : "SELECT item_id, title, description FROM item_search ORDER BY item_id")).AsList());

    public static Task DropSearchIndexAsync(this IEventDatabase database) =>
        database.WriteAsync(scope => scope.Connection.ExecuteAsync("DELETE FROM item_search", transaction: scope.Transaction));
}
