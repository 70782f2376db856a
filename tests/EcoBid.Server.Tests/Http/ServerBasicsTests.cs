using System.Net;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Http;

public sealed class ServerBasicsTests : IDisposable
{
    private readonly EcoBidApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Liveness_and_readiness_answer_healthy()
    {
        var client = _app.CreateClient();
        (await client.GetStringAsync("/health")).ShouldBe("Healthy");
        (await client.GetStringAsync("/health/ready")).ShouldBe("Healthy");
    }

    [Fact]
    public async Task A_supplied_correlation_id_is_echoed_and_a_missing_one_is_generated()
    {
        var client = _app.CreateClient();
        using var supplied = new HttpRequestMessage(HttpMethod.Get, "/health");
        supplied.Headers.Add("X-Correlation-Id", "trace-me-42");
        (await client.SendAsync(supplied)).Headers.GetValues("X-Correlation-Id").Single().ShouldBe("trace-me-42");

        var generated = (await client.GetAsync("/health")).Headers.GetValues("X-Correlation-Id").Single();
        generated.ShouldNotBeNullOrWhiteSpace();
        generated.ShouldNotBe("trace-me-42");
    }

    [Theory]
    [InlineData("has spaces in it")]
    [InlineData("line\u00e9break")]
    public async Task An_unsafe_correlation_id_is_replaced(string unsafeId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.TryAddWithoutValidation("X-Correlation-Id", unsafeId);
        var echoed = (await _app.CreateClient().SendAsync(request)).Headers.GetValues("X-Correlation-Id").Single();
        echoed.ShouldNotBe(unsafeId);
        echoed.ShouldMatch("^[a-f0-9]{32}$");
    }

    [Fact]
    public async Task Problems_carry_the_correlation_id()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/items/nope");
        request.Headers.Add("X-Correlation-Id", "problem-corr-1");
        var problem = await (await _app.CreateClient().SendAsync(request)).ShouldBeProblemAsync(404);
        problem.GetProperty("correlationId").GetString().ShouldBe("problem-corr-1");
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        await (await _app.CreateClient().GetAsync("/no/such/route")).ShouldBeProblemAsync(404);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_endpoints_and_the_ui_serves_it()
    {
        var client = _app.CreateClient();
        var document = await (await client.GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/items", "/items/{id}", "/events/test-pattern", "/events/schemas", "/admin/queues", "/admin/dlq/{queue}/redrive", "/stats" })
        {
            paths.TryGetProperty(path, out _).ShouldBeTrue(path);
        }

        var ui = await client.GetAsync("/swagger/index.html");
        ui.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ui.Content.ReadAsStringAsync()).ShouldContain("swagger");
    }
}
