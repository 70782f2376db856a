using System.Net;
using System.Net.Http.Json;
using System.Text;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Replay;

/// <summary>
/// The replay endpoints' contract. The server runs the API only, so no runner picks a replay up and a started replay
/// stays pending for as long as the test needs.
/// </summary>
public sealed class ReplaysApiTests : IDisposable
{
    private readonly EcoBidApp _app = new EcoBidApp().With("Role", "api");

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("""{"name":"has space","from":"2025-01-01T00:00:00Z","to":"2025-01-02T00:00:00Z"}""", "name", "letters, digits")]
    [InlineData("""{"name":"","from":"2025-01-01T00:00:00Z","to":"2025-01-02T00:00:00Z"}""", "name", "required")]
    [InlineData("""{"name":"r","to":"2025-01-02T00:00:00Z"}""", "from", "required")]
    [InlineData("""{"name":"r","from":"2025-01-02T00:00:00Z","to":"2025-01-02T00:00:00Z"}""", "to", "later than")]
    [InlineData("""{"name":"r","from":"2025-01-01T00:00:00Z","to":"2025-01-02T00:00:00Z","eventPattern":{"source":[]}}""", "eventPattern", "Empty arrays are not allowed")]
    [InlineData("""{"name":"r","from":"2025-01-01T00:00:00Z","to":"2025-01-02T00:00:00Z","eventPattern":"{\"source\":\"x\"}"}""", "eventPattern", "Event pattern is not valid")]
    [InlineData("""{"name":"r","from":"2025-01-01T00:00:00Z","to":"2025-01-02T00:00:00Z","eventPattern":42}""", "eventPattern", "Filter is not an object")]
    [InlineData("""{"name":"r","from":"2025-01-01T00:00:00Z","to":"2025-01-02T00:00:00Z","targets":["Index","Nope"]}""", "targets", "no target 'Nope'")]
    [InlineData("""{"name":"r","from":"2025-01-01T00:00:00Z","to":"2025-01-02T00:00:00Z","targets":[]}""", "targets", "at least one target")]
    [InlineData("""{"name":"r","from":"yesterday","to":"2025-01-02T00:00:00Z"}""", "from", "could not be converted")]
    public async Task An_invalid_request_is_a_400_naming_the_field(string body, string field, string message)
    {
        var response = await (await _app.AdminClientAsync()).PostAsync("/admin/replays", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await response.ShouldBeProblemAsync(400);
        problem.ErrorFields().ShouldBe([field]);
        problem.GetProperty("errors").GetProperty(field)[0].GetString()!.ShouldContain(message);
        (await (await (await _app.AdminClientAsync()).GetAsync("/admin/replays")).ReadJsonAsync()).GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("{\"source\":[\"\\ud800\"]}")]
    [InlineData("{\"source\":[\"\\udc00x\"]}")]
    [InlineData("{\"\\ud800\":[\"x\"]}")]
    [InlineData("\"{\\\"source\\\":[\\\"\\\\ud800\\\"]}\"")]
    public async Task A_pattern_with_a_lone_surrogate_is_a_400_naming_eventPattern_not_a_500(string pattern)
    {
        var body = $$"""{"name":"r","from":"2025-01-01T00:00:00Z","to":"2025-01-02T00:00:00Z","eventPattern":{{pattern}}}""";
        var response = await (await _app.AdminClientAsync()).PostAsync("/admin/replays", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await response.ShouldBeProblemAsync(400);
        problem.ErrorFields().ShouldBe(["eventPattern"], body);
        (await (await (await _app.AdminClientAsync()).GetAsync("/admin/replays")).ReadJsonAsync()).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_pattern_with_bytes_that_are_not_UTF8_is_a_400_naming_eventPattern_not_a_500()
    {
        var body = Encoding.UTF8.GetBytes("""{"name":"r","from":"2025-01-01T00:00:00Z","to":"2025-01-02T00:00:00Z","eventPattern":{"source":["__"]}}""");
        var at = Array.IndexOf(body, (byte)'_');
        body[at] = 0xFF;
        body[at + 1] = 0xFE;
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await (await _app.AdminClientAsync()).PostAsync("/admin/replays", content);

        var problem = await response.ShouldBeProblemAsync(400);
        problem.ErrorFields().ShouldBe(["eventPattern"]);
    }

    [Fact]
    public async Task Every_invalid_field_is_named_in_one_problem()
    {
        var response = await (await _app.AdminClientAsync()).PostAsJsonAsync("/admin/replays", new { name = "no/slashes", targets = new[] { "Nope" } });

        (await response.ShouldBeProblemAsync(400)).ErrorFields().Order().ShouldBe(["from", "name", "targets", "to"]);
    }

    [Fact]
    public async Task A_replay_name_is_used_once_a_second_start_is_a_409()
    {
        var client = (await _app.AdminClientAsync());
        (await client.StartReplayAsync("once")).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var problem = await (await client.StartReplayAsync("once", targets: ["Index"])).ShouldBeProblemAsync(409);

        problem.GetProperty("detail").GetString()!.ShouldContain("'once' exists already");
        (await (await client.GetAsync("/admin/replays")).ReadJsonAsync()).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task A_started_replay_is_pending_until_a_worker_runs_it_and_its_status_shows_the_definition()
    {
        var client = (await _app.AdminClientAsync());
        var started = await client.StartReplayAsync("pending-one", """{"source":["ecobid.items"]}""", ["Index", "Moderate"]);

        started.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var status = await (await client.GetAsync(started.Headers.Location)).ReadJsonAsync();
        status.GetProperty("state").GetString().ShouldBe("pending");
        status.GetProperty("from").GetDateTimeOffset().ShouldBe(ReplaySteps.Beginning);
        status.GetProperty("eventPattern").GetString().ShouldBe("""{"source":["ecobid.items"]}""");
        status.GetProperty("targets").EnumerateArray().Select(t => t.GetString()).ShouldBe(["Index", "Moderate"]);
        (status.GetProperty("total").GetInt64(), status.GetProperty("scanned").GetInt64(), status.GetProperty("progress").GetDouble()).ShouldBe((0L, 0L, 0d));
    }

    [Fact]
    public async Task Cancelling_flips_the_replay_to_cancelled_and_cancelling_again_is_harmless()
    {
        var client = (await _app.AdminClientAsync());
        await client.StartReplayAsync("to-cancel");

        var cancelled = await client.PostAsync("/admin/replays/to-cancel/cancel", null);

        cancelled.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await cancelled.ReadJsonAsync();
        body.GetProperty("state").GetString().ShouldBe("cancelled");
        body.GetProperty("finishedAt").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-1));
        (await (await client.PostAsync("/admin/replays/to-cancel/cancel", null)).ReadJsonAsync()).GetProperty("state").GetString().ShouldBe("cancelled");
        (await (await client.GetAsync("/admin/replays/to-cancel")).ReadJsonAsync()).GetProperty("state").GetString().ShouldBe("cancelled");
    }

    [Fact]
    public async Task Replays_are_listed_newest_first()
    {
        var client = (await _app.AdminClientAsync());
        foreach (var name in new[] { "first", "second", "third" })
        {
            (await client.StartReplayAsync(name)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }

        var list = await (await client.GetAsync("/admin/replays")).ReadJsonAsync();

        list.EnumerateArray().Select(r => r.GetProperty("name").GetString()).ShouldBe(["third", "second", "first"]);
    }

    [Theory]
    [InlineData("GET", "/admin/replays/no-such-replay")]
    [InlineData("POST", "/admin/replays/no-such-replay/cancel")]
    public async Task An_unknown_replay_is_a_404_problem(string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);

        var problem = await (await (await _app.AdminClientAsync()).SendAsync(request)).ShouldBeProblemAsync(404);

        problem.GetProperty("detail").GetString()!.ShouldContain("no-such-replay");
    }
}
