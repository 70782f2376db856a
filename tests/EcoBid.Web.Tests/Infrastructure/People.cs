using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EcoBid.Web.Tests.Infrastructure;

/// <summary>What a person does often in a test: sign in through the page, or arrange data through the API.</summary>
public static class People
{
    public static async Task SignInAsync(IPage page, string email)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(WebServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator(".usermenu summary")).ToBeVisibleAsync();
    }

    /// <summary>A person signed up through the API and signed in in a browser context of their own.</summary>
    public static async Task<(string Email, IPage Page)> SignedInAsync(WebFixture web, string name, int width = 1280)
    {
        ArgumentNullException.ThrowIfNull(web);
        var email = await web.Server.SignUpAsync(name);
        var page = await web.Browser.NewPageAsync(web.Server, width);
        await SignInAsync(page, email);
        return (email, page);
    }

    /// <summary>Posts an item through the API as that person and waits until search shows it (indexed and approved).</summary>
    public static async Task<string> PostItemAsync(WebServer server, string email, string title, string mode = "free", double lat = 52.2297, double lon = 21.0122, string category = "furniture")
    {
        ArgumentNullException.ThrowIfNull(server);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/items")
        {
            Content = JsonContent.Create(new { title, description = "Sturdy and clean, pick up in the evening.", category, mode, location = new { lat, lon } }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await server.AccessTokenAsync(email));
        using var response = await server.Api.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await WaitUntilSearchableAsync(server, id, lat, lon);
        return id;
    }

    public static async Task WaitUntilSearchableAsync(WebServer server, string id, double lat, double lon)
    {
        ArgumentNullException.ThrowIfNull(server);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var page = await server.Api.GetFromJsonAsync<JsonElement>($"/items?lat={lat}&lon={lon}&radiusKm=5&limit=100&status=available");
            if (page.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("id").GetString() == id))
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Item {id} never became searchable.");
    }

    /// <summary>Opens <paramref name="path"/> until <paramref name="locator"/> holds <paramref name="text"/>: for what a handler changes a moment later.</summary>
    public static async Task ReloadUntilAsync(IPage page, string path, ILocator locator, string text)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(locator);
        for (var attempt = 0; ; attempt++)
        {
            await page.GotoAsync(path);
            if ((await locator.InnerTextAsync()).Contains(text, StringComparison.Ordinal) || attempt == 40)
            {
                await Expect(locator).ToContainTextAsync(text);
                return;
            }

            await page.WaitForTimeoutAsync(250);
        }
    }

    /// <summary>Sets the person's home location through the API (<c>PUT /users/{id}</c>).</summary>
    public static async Task SetHomeAsync(WebServer server, string email, double lat, double lon)
    {
        var me = await CallAsync(server, email, HttpMethod.Get, "/users/me");
        await CallAsync(server, email, HttpMethod.Put, "/users/" + me.GetProperty("id").GetString(), new { homeLocation = new { lat, lon } });
    }

    /// <summary>The status an API call as that person answers, for calls expected to be refused.</summary>
    public static async Task<System.Net.HttpStatusCode> StatusOfAsync(WebServer server, string email, HttpMethod method, string path)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await server.AccessTokenAsync(email));
        using var response = await server.Api.SendAsync(request);
        return response.StatusCode;
    }

    public static async Task<JsonElement> CallAsync(WebServer server, string email, HttpMethod method, string path, object? body = null, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await server.AccessTokenAsync(email));
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await server.Api.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
