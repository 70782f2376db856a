using System.Net;
using EcoBid.Events.Monitoring;
using EcoBid.Server.Tests.Alarms;
using EcoBid.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace EcoBid.Server.Tests.Observability;

/// <summary><c>/metrics</c> in Prometheus' format: for admins, or for clients in <c>Metrics:AllowedNetworks</c>; nobody else.</summary>
public sealed class MetricsEndpointTests : IDisposable
{
    private readonly EcoBidApp _app = new EcoBidApp()
        .With("Metrics:AllowedNetworks:0", "10.20.0.0/16")
        .With("Alarms:EvaluationInterval", "00:00:00.200");

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Anonymous_callers_and_plain_users_are_refused_and_an_admin_reads_the_runtime_counters()
    {
        var (_, user) = await _app.SignUpAsync();
        var (_, admin) = await _app.AdminVerifiedInDatabaseAsync();
        var itemId = await user.CreateItemAsync();
        await _app.WaitForHandledAsync(await _app.Database.ItemCreatedEventIdAsync(itemId), "Index");

        using var anonymous = _app.CreateClient();
        (await anonymous.GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await user.GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        string text = string.Empty;
        await Eventually.TrueAsync(async () =>
        {
            var response = await admin.GetAsync("/metrics");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
            text = await response.Content.ReadAsStringAsync();
            return text.Contains("ecobid_messages_handled_total{", StringComparison.Ordinal) && text.Contains("ecobid_alarms_state{", StringComparison.Ordinal);
        }, what: "the scrape shows handled messages");
        text.ShouldContain("queue=\"Index\"");
        text.ShouldContain("ecobid_messages_latency_milliseconds_bucket{");
        text.ShouldContain("http_server_request_duration_seconds_count{");
        text.ShouldContain("alarm=\"DeadLetters\"");
    }

    [Theory]
    [InlineData("10.20.3.4", HttpStatusCode.OK)]
    [InlineData("10.21.3.4", HttpStatusCode.Unauthorized)]
    [InlineData("::ffff:10.20.9.9", HttpStatusCode.OK)]
    [InlineData("192.168.1.10", HttpStatusCode.Unauthorized)]
    public async Task A_client_in_an_allowed_network_scrapes_without_a_token(string address, HttpStatusCode expected)
    {
        _ = _app.CreateClient();
        var context = await _app.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = "/metrics";
            c.Connection.RemoteIpAddress = IPAddress.Parse(address);
        });

        ((HttpStatusCode)context.Response.StatusCode).ShouldBe(expected);
    }
}
