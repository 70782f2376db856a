using System.Net.Http.Json;
using System.Text.Json;
using EcoBid.Events.Monitoring;
using EcoBid.Server.Events;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Notifications;

public static class NotificationSteps
{
    public static async Task<JsonElement> InboxAsync(this HttpClient client, string? cursor = null, int? limit = null)
    {
        var query = new List<string>();
        if (cursor is not null) query.Add($"cursor={cursor}");
        if (limit is not null) query.Add($"limit={limit}");
        var response = await client.GetAsync("/notifications" + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty));
        response.EnsureSuccessStatusCode();
        return await response.ReadJsonAsync();
    }

    public static async Task<long> UnreadAsync(this HttpClient client) =>
        (await (await client.GetAsync("/notifications/unread-count")).ReadJsonAsync()).GetProperty("count").GetInt64();

    /// <summary>Publishes a catalogued event as if another part of EcoBid had (auctions are built on another branch).</summary>
    public static Task<string> PublishAsync<T>(this EcoBidApp app, T detail)
        where T : notnull =>
        app.Database.WriteAsync(async scope => (await scope.PublishAsync(detail)).Id);

    public static Task WaitHandledAsync(this EcoBidApp app, string target, int count = 1) =>
        app.WaitForAsync(a => a.Kind == RuntimeActivityKind.Handled && a.Queue == target, count);

    public static Task<HttpResponseMessage> SetPreferencesAsync(this HttpClient client, string userId, object preferences) =>
        client.PutAsJsonAsync($"/users/{userId}", new { notificationPreferences = preferences });
}
