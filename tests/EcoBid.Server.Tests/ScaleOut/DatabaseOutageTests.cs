using System.Net;
using System.Net.Http.Json;
using EcoBid.Events.Contracts;
using EcoBid.Server.Http;
using EcoBid.Server.Tests.Infrastructure;
using Npgsql;

namespace EcoBid.Server.Tests.ScaleOut;

/// <summary>
/// The state on PostgreSQL, reached through a relay the test cuts: while the database is out of reach a request answers
/// 503 problem+json with Retry-After (the server's outage, worth a retry), not a 500, changes nothing, and once the
/// database is back the same requests succeed without a restart.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private TcpRelay _relay = null!;
    private EcoBidApp _app = null!;

    public Task InitializeAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(PostgresTestServer.ServerConnectionString);
        var address = IPAddress.TryParse(server.Host, out var parsed) ? parsed : IPAddress.Loopback;
        _relay = new TcpRelay(new IPEndPoint(address, server.Port));
        _app = new EcoBidApp().OnPostgresThrough(_relay.Port);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _relay.Restore(); // the app's schema is dropped through the server's own port; this only lets its pools close quietly
        _app.Dispose();
        await _relay.DisposeAsync();
    }

    [Fact]
    public async Task A_request_that_meets_an_unreachable_database_answers_503_with_retry_after_and_succeeds_once_it_is_back()
    {
        var (_, client) = await _app.SignUpAsync(displayName: "Giver");
        var itemId = await client.CreateItemAsync(Requests.Item(title: "Before the outage"));

        _relay.Cut();
        var write = await client.PostAsJsonAsync("/items", Requests.Item(title: "During the outage"));
        var read = await client.GetAsync($"/items/{itemId}");

        foreach (var answer in new[] { write, read })
        {
            answer.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, await answer.Content.ReadAsStringAsync());
            answer.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
            answer.Headers.RetryAfter?.Delta.ShouldBe(TimeSpan.FromSeconds(BackendOutageHandler.RetryAfterSeconds));
            var problem = await answer.ReadJsonAsync();
            problem.GetProperty("status").GetInt32().ShouldBe(503);
            problem.GetProperty("detail").GetString()!.ShouldContain("PostgreSQL");
        }

        _relay.Restore();
        await Eventually.TrueAsync(async () => (await client.GetAsync($"/items/{itemId}")).StatusCode == HttpStatusCode.OK, seconds: 30, what: "reads succeed again");
        await client.CreateItemAsync(Requests.Item(title: "After the outage"));
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM items WHERE title = @title", new { title = "During the outage" })).ShouldBe(0);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM items")).ShouldBe(2);
    }
}
