using System.Net;
using System.Net.Http.Json;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Identity;

/// <summary>Object-level authorisation on profiles: your own in full, others' public view only, changes to your own only.</summary>
public sealed class ProfileTests : IDisposable
{
    private readonly EcoBidApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Anyone_sees_the_public_profile_without_private_fields()
    {
        var (ann, _) = await _app.SignUpAsync(displayName: "Ann");
        var (_, bob) = await _app.SignUpAsync(displayName: "Bob");

        var profile = await (await bob.GetAsync($"/users/{ann.Id}")).ReadJsonAsync();
        profile.GetProperty("displayName").GetString().ShouldBe("Ann");
        profile.GetProperty("ratingCount").GetInt64().ShouldBe(0);
        profile.GetProperty("completedPickups").GetInt64().ShouldBe(0);
        profile.GetProperty("noShows").GetInt64().ShouldBe(0);
        profile.TryGetProperty("email", out _).ShouldBeFalse();
        profile.TryGetProperty("homeLocation", out _).ShouldBeFalse();
        profile.TryGetProperty("notificationPreferences", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task You_change_your_own_profile_and_the_change_commits_with_its_event()
    {
        var (ann, client) = await _app.SignUpAsync(displayName: "Ann");
        var response = await client.PutAsJsonAsync($"/users/{ann.Id}", new
        {
            displayName = "Ann K.",
            homeLocation = new { lat = 52.23, lon = 21.01 },
            notificationPreferences = new Dictionary<string, string[]> { ["outbid"] = ["inapp", "email"] },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var me = await (await client.GetAsync("/users/me")).ReadJsonAsync();
        me.GetProperty("displayName").GetString().ShouldBe("Ann K.");
        me.GetProperty("homeLocation").GetProperty("lat").GetDouble().ShouldBe(52.23);
        me.GetProperty("notificationPreferences").GetProperty("outbid")[1].GetString().ShouldBe("email");
        (await _app.Database.EventCountAsync("UserProfileUpdated")).ShouldBe(1);
    }

    [Fact]
    public async Task Nobody_changes_someone_elses_profile()
    {
        var (ann, _) = await _app.SignUpAsync(displayName: "Ann");
        var (_, bob) = await _app.SignUpAsync(displayName: "Bob");

        await (await bob.PutAsJsonAsync($"/users/{ann.Id}", new { displayName = "Hacked" })).ShouldBeProblemAsync(403);
        await (await _app.CreateClient().PutAsJsonAsync($"/users/{ann.Id}", new { displayName = "Hacked" })).ShouldBeProblemAsync(401);
        var profile = await (await bob.GetAsync($"/users/{ann.Id}")).ReadJsonAsync();
        profile.GetProperty("displayName").GetString().ShouldBe("Ann");
    }

    [Theory]
    [InlineData("""{"homeLocation":{"lat":100,"lon":0}}""", "homeLocation.lat")]
    [InlineData("""{"displayName":""}""", "displayName")]
    [InlineData("""{"notificationPreferences":{"outbid":["pigeon"]}}""", "notificationPreferences")]
    public async Task Invalid_profile_changes_are_400s_and_change_nothing(string body, string field)
    {
        var (ann, client) = await _app.SignUpAsync(displayName: "Ann");
        var response = await client.PutAsync($"/users/{ann.Id}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        (await response.ShouldBeProblemAsync(400)).ErrorFields().ShouldContain(field);
        (await (await client.GetAsync("/users/me")).ReadJsonAsync()).GetProperty("displayName").GetString().ShouldBe("Ann");
    }

    [Fact]
    public async Task An_unknown_user_is_a_404()
    {
        var (_, client) = await _app.SignUpAsync();
        await (await client.GetAsync("/users/nobody")).ShouldBeProblemAsync(404);
    }
}
