using System.Text.Json;

namespace EcoBid.Server.Notifications;

/// <summary>
/// Reads <c>users.notification_prefs</c> (<c>{"kind": ["inapp", "email", "push"]}</c>): a kind that is listed goes to
/// exactly the listed channels (an empty list silences it); a kind that is not takes its default.
/// </summary>
public static class NotificationPreferences
{
    public static IReadOnlySet<string> ChannelsFor(string? preferencesJson, string kind)
    {
        var channels = Chosen(preferencesJson, kind);
        if (NotificationKinds.AlwaysInInbox.Contains(kind))
        {
            channels.Add(NotificationChannels.InApp);
        }

        return channels;
    }

    private static HashSet<string> Chosen(string? preferencesJson, string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (!string.IsNullOrWhiteSpace(preferencesJson))
        {
            try
            {
                using var document = JsonDocument.Parse(preferencesJson);
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty(kind, out var chosen)
                    && chosen.ValueKind == JsonValueKind.Array)
                {
                    return chosen.EnumerateArray()
                        .Where(c => c.ValueKind == JsonValueKind.String)
                        .Select(c => c.GetString()!)
                        .ToHashSet(StringComparer.Ordinal);
                }
            }
            catch (JsonException)
            {
                // Unreadable preferences (written by hand in the database) fall back to the defaults.
            }
        }

        return NotificationKinds.Defaults.TryGetValue(kind, out var defaults)
            ? defaults.ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>([NotificationChannels.InApp], StringComparer.Ordinal);
    }
}
