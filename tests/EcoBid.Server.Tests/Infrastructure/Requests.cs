using System.Net.Http.Json;
using System.Text.Json;

namespace EcoBid.Server.Tests.Infrastructure;

public static class Requests
{
    public static object Item(string title = "Oak dining chair", string category = "furniture", string mode = "free", double lat = 52.2297, double lon = 21.0122, string description = "Solid oak, a little worn.") =>
        new { title, description, category, mode, location = new { lat, lon } };

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<string> CreateItemAsync(this HttpClient client, object? body = null)
    {
        var response = await client.PostAsJsonAsync("/items", body ?? Item());
        response.EnsureSuccessStatusCode();
        return (await response.ReadJsonAsync()).GetProperty("id").GetString()!;
    }

    /// <summary>Asserts an RFC 9457 problem with the status, and returns it.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, int status)
    {
        ArgumentNullException.ThrowIfNull(response);
        ((int)response.StatusCode).ShouldBe(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.ReadJsonAsync();
        problem.GetProperty("status").GetInt32().ShouldBe(status);
        problem.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        return problem;
    }

    public static IReadOnlyCollection<string> ErrorFields(this JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(e => e.Name).ToList() : [];
}
