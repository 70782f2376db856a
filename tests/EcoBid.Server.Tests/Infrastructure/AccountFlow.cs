using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EcoBid.Server.Tests.Infrastructure;

/// <summary>
/// Signs a person up the way a person does: register, take the token from the verification email (in the pickup
/// folder, or at the SMTP server when one is configured), verify, sign in.
/// </summary>
public static partial class AccountFlow
{
    public const string Password = "Str0ng-enough";

    public static Task<TestUser> SignUpAsync(HttpClient client, string mailFolder, string? email = null, string displayName = "Test Person") =>
        SignUpAsync(client, (to, path) => TokenFromMailAsync(mailFolder, to, path), email, displayName);

    /// <param name="tokenFor">Reads the token from the email to an address with a link to a path (verify-email, reset-password).</param>
    public static async Task<TestUser> SignUpAsync(HttpClient client, Func<string, string, Task<string>> tokenFor, string? email = null, string displayName = "Test Person")
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(tokenFor);
        email ??= $"user-{Guid.NewGuid():N}@example.com";
        var registered = await client.PostAsJsonAsync("/auth/register", new { email, password = Password, displayName });
        registered.EnsureSuccessStatusCode();
        var id = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var token = await tokenFor(email, "verify-email");
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
                    if (text.Contains($"To: {email}\r\n", StringComparison.OrdinalIgnoreCase) && TokenIn(text, path) is { } token)
                    {
                        return token;
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

    /// <summary>Waits (bounded) for the newest message to <paramref name="email"/> at the SMTP server with a link to <paramref name="path"/>, and returns its token.</summary>
    public static async Task<string> TokenFromSmtpAsync(SmtpSink smtp, string email, string path, double seconds = 15)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        var message = await smtp.WaitForAsync(m => m.IsTo(email) && TokenIn(m.Data, path) is not null, seconds);
        return TokenIn(message.Data, path)!;
    }

    /// <summary>The token of the first account link to <paramref name="path"/> in an email's text, or null.</summary>
    public static string? TokenIn(string text, string path) =>
        TokenLink().Matches(text).FirstOrDefault(m => m.Groups["path"].Value == path)?.Groups["token"].Value;

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
