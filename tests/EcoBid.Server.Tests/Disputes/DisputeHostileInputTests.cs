using System.Net.Http.Json;
using System.Text;
using EcoBid.Server.Disputes;
using EcoBid.Server.Tests.Infrastructure;
using EcoBid.Server.Tests.Reservations;

namespace EcoBid.Server.Tests.Disputes;

/// <summary>Bad input on the dispute endpoints: a 4xx problem+json naming what is wrong, never a 5xx, and nothing changed.</summary>
public sealed class DisputeHostileInputTests : IDisposable
{
    private static readonly string TooLong = new('x', DisputesApi.TextMaxLength + 1);
    private readonly EcoBidApp _app = new();

    public void Dispose() => _app.Dispose();

    public static TheoryData<string, int, string> Answers => new()
    {
        { $$"""{"text":"{{TooLong}}","accept":true}""", 400, "text" },
        { """{"text":"   ","accept":true}""", 400, "text" },
        { """{"text":42,"accept":true}""", 400, "text" },
        { """{"text":["a"],"accept":true}""", 400, "text" },
        { """{"text":"fine","accept":"yes"}""", 400, "accept" },
        { """{"text":"fine","accept":1}""", 400, "accept" },
        { """{"text":"fine","accept":null}""", 400, "accept" },
        { """{"text":"fine"}""", 400, "accept" },
        { """[true]""", 400, "body" },
        { "\"fine\"", 400, "body" },
        { "null", 400, "body" },
        { """{"text":"fine","accept":true""", 400, "body" },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task A_malformed_answer_is_a_400_naming_the_field_and_changes_nothing(string body, int status, string field)
    {
        var (_, sellerClient, _, buyerClient, reservationId) = await _app.ReservedAsync();
        var id = await _app.OpenDisputeAsync(sellerClient, reservationId, "no_show", "Never came.");
        var before = await _app.DisputeAsync(id);

        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var problem = await (await buyerClient.PostAsync($"/disputes/{id}/response", content)).ShouldBeProblemAsync(status);

        problem.ErrorFields().ShouldContain(field);
        (await _app.DisputeAsync(id)).ShouldBe(before);
    }

    [Fact]
    public async Task An_answer_over_the_body_limit_is_a_413_and_changes_nothing()
    {
        var (_, sellerClient, _, buyerClient, reservationId) = await _app.ReservedAsync();
        var id = await _app.OpenDisputeAsync(sellerClient, reservationId, "no_show", "Never came.");
        var before = await _app.DisputeAsync(id);

        var huge = new string('x', 2 * 1024 * 1024);
        await (await buyerClient.PostAsJsonAsync($"/disputes/{id}/response", new { text = huge, accept = true })).ShouldBeProblemAsync(413);
        (await _app.DisputeAsync(id)).ShouldBe(before);
    }

    public static TheoryData<string, string> Openings => new()
    {
        { """{"type":7,"text":"fine"}""", "type" },
        { """{"type":"no_show","text":{"a":1}}""", "text" },
        { $$"""{"type":"no_show","text":"{{TooLong}}"}""", "text" },
        { """{"type":["no_show"],"text":"fine"}""", "type" },
        { """{"type":"NO_SHOW","text":"fine"}""", "type" },
    };

    [Theory]
    [MemberData(nameof(Openings))]
    public async Task A_malformed_opening_is_a_400_naming_the_field_and_opens_nothing(string body, string field)
    {
        var (_, _, _, buyerClient, reservationId) = await _app.ReservedAsync();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var problem = await (await buyerClient.PostAsync($"/reservations/{reservationId}/disputes", content)).ShouldBeProblemAsync(400);
        problem.ErrorFields().ShouldContain(field);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM disputes")).ShouldBe(0);
        (await _app.EventCountAsync("DisputeOpened")).ShouldBe(0);
    }

    public static TheoryData<string, string> Decisions => new()
    {
        { """{"outcome":1}""", "outcome" },
        { """{"outcome":"expired"}""", "outcome" },
        { """{"outcome":"buyer","note":7}""", "note" },
        { $$"""{"outcome":"buyer","note":"{{TooLong}}"}""", "note" },
    };

    [Theory]
    [MemberData(nameof(Decisions))]
    public async Task A_malformed_admin_decision_is_a_400_naming_the_field_and_decides_nothing(string body, string field)
    {
        var admin = await _app.AdminClientAsync();
        var (_, sellerClient, _, buyerClient, reservationId) = await _app.ReservedAsync();
        var id = await _app.OpenDisputeAsync(sellerClient, reservationId, "other", "Rude.");
        (await buyerClient.AnswerAsync(id, accept: false)).EnsureSuccessStatusCode();
        var before = await _app.DisputeInStatusAsync(id, DisputeRoles.AwaitingAdmin);

        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var problem = await (await admin.PostAsync($"/admin/disputes/{id}/resolve", content)).ShouldBeProblemAsync(400);
        problem.ErrorFields().ShouldContain(field);
        (await _app.DisputeAsync(id)).ShouldBe(before);
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("%27%20OR%20%271%27%3D%271")]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("%20")]
    [InlineData("\u00e9\u00e9")]
    [InlineData("long")]
    public async Task An_unknown_dispute_id_of_any_shape_is_a_404_problem_everywhere(string id)
    {
        id = id == "long" ? new string('9', 4000) : id;
        var admin = await _app.AdminClientAsync();
        var (_, _, _, buyerClient, _) = await _app.ReservedAsync();

        await (await buyerClient.GetAsync($"/disputes/{id}")).ShouldBeProblemAsync(404);
        await (await buyerClient.AnswerAsync(id, accept: true)).ShouldBeProblemAsync(404);
        await (await admin.GetAsync($"/disputes/{id}")).ShouldBeProblemAsync(404);
        await (await admin.PostAsJsonAsync($"/admin/disputes/{id}/resolve", new { outcome = "buyer" })).ShouldBeProblemAsync(404);
        await (await buyerClient.PostAsJsonAsync($"/reservations/{id}/disputes", new { type = "no_show", text = "x" })).ShouldBeProblemAsync(404);
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("OPEN")]
    [InlineData("open ")]
    [InlineData("resolved' OR '1'='1")]
    public async Task An_unknown_status_filter_is_a_400_naming_the_allowed_statuses(string status)
    {
        var admin = await _app.AdminClientAsync();
        var problem = await (await admin.GetAsync($"/admin/disputes?status={Uri.EscapeDataString(status)}")).ShouldBeProblemAsync(400);
        problem.ErrorFields().ShouldBe(["status"]);
        var message = problem.GetProperty("errors").GetProperty("status")[0].GetString()!;
        foreach (var allowed in DisputeRoles.Statuses)
        {
            message.ShouldContain(allowed);
        }
    }

    [Fact]
    public async Task Each_known_status_filter_lists_only_disputes_in_that_status()
    {
        var admin = await _app.AdminClientAsync();
        var (_, sellerClient, _, _, reservationId) = await _app.ReservedAsync();
        var id = await _app.OpenDisputeAsync(sellerClient, reservationId, "other", "Rude.");

        foreach (var status in DisputeRoles.Statuses.Append(string.Empty))
        {
            var listed = await (await admin.GetAsync($"/admin/disputes?status={status}")).ReadJsonAsync();
            listed.EnumerateArray().Select(d => d.GetProperty("id").GetString()).ShouldBe(status is "" or DisputeRoles.Open ? [id] : [], $"status={status}");
        }
    }
}
