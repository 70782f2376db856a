using System.Text;
using System.Text.Json;

namespace EcoBid.Web.Services;

/// <summary>Who is signed in, read from the claims of the access token the API issued (the API checks it on every call).</summary>
public sealed record SignedInUser(string Id, string Name, string Email, string Role, string AccessToken, DateTimeOffset ExpiresAt)
{
    public bool IsAdmin => Role == "admin";

    /// <summary>Reads the token's payload without checking its signature: the API does that on every call it is used for.</summary>
    public static SignedInUser? FromAccessToken(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
            var root = json.RootElement;
            return new SignedInUser(
                Text(root, "sub") ?? "",
                Text(root, "name") ?? "",
                Text(root, "email") ?? "",
                Text(root, "role") ?? "user",
                token,
                DateTimeOffset.FromUnixTimeSeconds(root.TryGetProperty("exp", out var exp) ? exp.GetInt64() : 0));
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
