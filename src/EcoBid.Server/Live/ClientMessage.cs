using System.Globalization;
using System.Text.Json;

namespace EcoBid.Server.Live;

/// <summary>
/// A message from the client: <c>{"type": "auth" | "resume" | "watch" | "unwatch" | "ping" | "pong", ...}</c>. A
/// message with <c>resumeAfter</c> and no type is a resume, as is an <c>auth</c> that carries one.
/// </summary>
public sealed record ClientMessage(string Type, string? Token, long? ResumeAfter, string? ItemId)
{
    public const string Auth = "auth";
    public const string Resume = "resume";
    public const string Watch = "watch";
    public const string Unwatch = "unwatch";
    public const string Ping = "ping";
    public const string Pong = "pong";

    /// <returns>The message, or <c>null</c> when it is not a JSON object this protocol knows.</returns>
    public static ClientMessage? Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var resumeAfter = root.TryGetProperty("resumeAfter", out var after) ? Cursor(after) : null;
            var type = String(root, "type") ?? (resumeAfter is not null ? Resume : null);
            return type is null ? null : new ClientMessage(type, String(root, "token"), resumeAfter, String(root, "itemId"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A notification id, as a number or a string (cursors are strings in the inbox).</summary>
    public static long? Cursor(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var n) && n >= 0 => n,
        JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
