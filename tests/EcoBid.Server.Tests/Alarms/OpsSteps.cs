using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Alarms;

/// <summary>Steps the observability, alarm and backup tests share.</summary>
public static class OpsSteps
{
    private static readonly JsonDocumentOptions Jsonc = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>
    /// A signed-in admin whose address is verified in the database, not by email: for hosts whose mail is down on
    /// purpose, or that run no workers.
    /// </summary>
    public static async Task<(TestUser User, HttpClient Client)> AdminVerifiedInDatabaseAsync(this EcoBidApp app, string displayName = "Admin")
    {
        var client = app.CreateClient();
        var email = $"admin-{Guid.NewGuid():N}@example.com";
        var registered = await client.PostAsJsonAsync("/auth/register", new { email, password = AccountFlow.Password, displayName });
        registered.EnsureSuccessStatusCode();
        var id = (await registered.ReadJsonAsync()).GetProperty("id").GetString()!;
        await app.Database.WriteAsync(scope => Dapper.SqlMapper.ExecuteAsync(scope.Connection,
            "UPDATE users SET role = 'admin', email_verified_at = 0 WHERE id = @id", new { id }, scope.Transaction));
        var tokens = await AccountFlow.SignInAsync(client, email);
        var user = new TestUser(id, email, tokens.GetProperty("accessToken").GetString()!, tokens.GetProperty("refreshToken").GetString()!);
        return (user, client.Authorize(user.AccessToken));
    }

    /// <summary>The shipped rules file with one more target (with its queue settings) fed by ItemCreated.</summary>
    public static EcoBidApp WithItemCreatedTarget(this EcoBidApp app, string target, object queueSettings)
    {
        var rules = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rules", "rules.json")), documentOptions: Jsonc)!.AsObject();
        rules["targets"]!.AsObject()[target] = JsonSerializer.SerializeToNode(queueSettings);
        rules["rules"]!.AsArray().Add(new JsonObject
        {
            ["name"] = target + "OnItemCreated",
            ["eventPattern"] = JsonNode.Parse("""{ "source": ["ecobid.items"], "detail-type": ["ItemCreated"] }"""),
            ["targets"] = new JsonArray(target),
        });
        return app.WithRules(rules.ToJsonString());
    }

    /// <summary>The alarm as <c>/admin/alarms</c> lists it.</summary>
    public static async Task<JsonElement> AlarmAsync(this HttpClient admin, string name)
    {
        var response = await admin.GetAsync("/admin/alarms");
        response.EnsureSuccessStatusCode();
        return (await response.ReadJsonAsync()).GetProperty("alarms").EnumerateArray().Single(a => a.GetProperty("name").GetString() == name);
    }

    /// <summary>Waits (bounded) until the alarm's stored state is <paramref name="state"/>, and returns it.</summary>
    public static async Task<JsonElement> WaitForAlarmAsync(this HttpClient admin, string name, string state, double seconds = 20)
    {
        JsonElement alarm = default;
        await Eventually.TrueAsync(async () =>
        {
            alarm = await admin.AlarmAsync(name);
            return alarm.GetProperty("state").GetString() == state;
        }, seconds, $"alarm {name} is {state}");
        return alarm;
    }

    /// <summary>The transitions <c>/admin/alarms</c> lists for one alarm, newest first.</summary>
    public static async Task<List<JsonElement>> TransitionsAsync(this HttpClient admin, string name)
    {
        var response = await admin.GetAsync("/admin/alarms");
        response.EnsureSuccessStatusCode();
        return [.. (await response.ReadJsonAsync()).GetProperty("transitions").EnumerateArray().Where(t => t.GetProperty("name").GetString() == name)];
    }

    /// <summary>
    /// How many <paramref name="detailType"/> events (AlarmRaised, AlarmCleared) were published for
    /// <paramref name="alarm"/>, still in the outbox or already relayed to the archive.
    /// </summary>
    public static Task<long> AlarmEventCountAsync(this EcoBidApp app, string detailType, string alarm) =>
        app.Database.CountAsync(
            """
            SELECT COUNT(*) FROM (SELECT envelope FROM outbox UNION ALL SELECT envelope FROM event_archive) AS events
            WHERE json_extract(envelope, '$.detail-type') = @detailType AND json_extract(envelope, '$.detail.alarm') = @alarm
            """,
            new { detailType, alarm });

    /// <summary>Fast alarm rounds for tests: evaluated every 100 ms, cleared after one good round.</summary>
    public static EcoBidApp WithQuickAlarms(this EcoBidApp app) => app
        .With("Alarms:EvaluationInterval", "00:00:00.100")
        .With("Alarms:HandlerErrorRate:ClearAfter", "1")
        .With("Alarms:ServerErrorRate:ClearAfter", "1")
        .With("Alarms:DeadLetters:ClearAfter", "1")
        .With("Alarms:QueueAge:ClearAfter", "1")
        .With("Alarms:TimersOverdue:ClearAfter", "1")
        .With("Alarms:RateLimitRejections:ClearAfter", "1")
        .With("Alarms:EmailCircuitOpen:ClearAfter", "1");
}
