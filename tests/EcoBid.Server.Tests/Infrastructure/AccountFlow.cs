using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EcoBid.Server.Tests.Infrastructure;

/// <summary>
/// Signs a person up the way a person does: register, take the token from the verification email in the pickup
/// folder, verify, sign in.
/// </summary>
public static partial class AccountFlow
{
    public const string Password = "Str0ng-enough";

    public static async Task<TestUser> SignUpAsync(HttpClient client, string mailFolder, string? email = null, string displayName = "Test Person")
    {
        ArgumentNullException.ThrowIfNull(client);
        email ??= $"user-{Guid.NewGuid():N}@example.com";
        var registered = await client.PostAsJsonAsync("/auth/register", new { email, password = Password, displayName });
        registered.EnsureSuccessStatusCode();
        var id = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var token = await TokenFromMailAsync(mailFolder, email, "verify-email");
        (await client.PostAsJsonAsync("/auth/verify-email", new { token })).EnsureSuccessStatusCode();
        var tokens = await SignInAsync(client, email);
        return new TestUser(id, email, tokens.GetProperty("accessToken").GetString()!, tokens.GetProperty("refreshToken").GetString()!);
    }

    public static async Task<JsonElement> SignInAsync(HttpClient client, string email, string password = Password, string? totpCode = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.PostAsJsonAsync("/auth/login", new { email, password, totpCode });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Waits (bounded) for the newest email to <paramref name="email"/> with a link to <paramref name="path"/>, and returns its token.</summary>
    public static async Task<string> TokenFromMailAsync(string mailFolder, string email, string path, double seconds = 15)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (Directory.Exists(mailFolder))
            {
                foreach (var file in Directory.GetFiles(mailFolder, "*.eml").OrderDescending(StringComparer.Ordinal))
                {
                    var text = await File.ReadAllTextAsync(file);
                    var match = TokenLink().Match(text);
                    if (text.Contains($"To: {email}\r\n", StringComparison.OrdinalIgnoreCase) && match.Success && match.Groups["path"].Value == path)
                    {
                        return match.Groups["token"].Value;
                    }
                }
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"No {path} email reached {email} in {mailFolder}.");
            }

            await Task.Delay(25);
        }
    }

    public static HttpClient Authorize(this HttpClient client, string accessToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    [GeneratedRegex(@"/(?<path>verify-email|reset-password)\?token=(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex TokenLink();
}

public sealed record TestUser(string Id, string Email, string AccessToken, string RefreshToken);
