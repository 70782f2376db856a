using System.Text.Json;
using System.Text.Json.Nodes;
using EcoBid.Domain.Validation;

namespace EcoBid.Server.Notifications;

/// <summary>
/// Changes to a person's notification preferences: every kind and channel named must exist (errors name the ones that
/// do not), and a change is partial — each kind given replaces its channels, <c>null</c> restores its default, and
/// kinds not given keep what they had.
/// </summary>
public static class NotificationPreferenceRules
{
    private const string Field = "notificationPreferences";

    public static void Check(IReadOnlyDictionary<string, List<string>?> changes, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(errors);
        var unknownKinds = changes.Keys.Where(k => !NotificationKinds.Defaults.ContainsKey(k)).ToList();
        if (unknownKinds.Count > 0)
        {
            errors.Add(Field, $"Unknown notification kind{(unknownKinds.Count > 1 ? "s" : string.Empty)} {Names(unknownKinds)}; the kinds are {string.Join(", ", NotificationKinds.Defaults.Keys)}.");
        }

        var unknownChannels = changes.Values.OfType<List<string>>().SelectMany(c => c).Where(c => !NotificationChannels.All.Contains(c)).Distinct(StringComparer.Ordinal).ToList();
        if (unknownChannels.Count > 0)
        {
            errors.Add(Field, $"Unknown channel{(unknownChannels.Count > 1 ? "s" : string.Empty)} {Names(unknownChannels)}; the channels are {string.Join(", ", NotificationChannels.All)}.");
        }

        foreach (var (kind, channels) in changes)
        {
            if (NotificationKinds.AlwaysInInbox.Contains(kind) && channels is not null && !channels.Contains(NotificationChannels.InApp))
            {
                errors.Add($"{Field}.{kind}", $"{kind} always reaches the inbox (it starts a pickup window): include inapp.");
            }
        }
    }

    /// <summary>The stored preferences with the changes applied.</summary>
    public static string Merge(string storedJson, IReadOnlyDictionary<string, List<string>?> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        JsonObject stored;
        try
        {
            stored = JsonNode.Parse(storedJson) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            stored = []; // unreadable preferences (written by hand in the database) start afresh
        }

        foreach (var (kind, channels) in changes)
        {
            if (channels is null)
            {
                stored.Remove(kind);
            }
            else
            {
                stored[kind] = new JsonArray([.. channels.Distinct(StringComparer.Ordinal).Select(c => (JsonNode)JsonValue.Create(c))]);
            }
        }

        return stored.ToJsonString();
    }

    private static string Names(IEnumerable<string> names) =>
        string.Join(", ", names.Take(5).Select(n => $"'{(n.Length > 40 ? n[..40] + "…" : n)}'"));
}
