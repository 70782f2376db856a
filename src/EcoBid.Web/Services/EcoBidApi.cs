using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace EcoBid.Web.Services;

/// <summary>
/// EcoBid's own HTTP API, called over loopback with the signed-in person's access token. Every page goes through
/// here, so the API stays the one place where rules are enforced; the client only presents its answers.
/// </summary>
public sealed class EcoBidApi(HttpClient http)
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public async Task<ApiResult<T>> SendAsync<T>(
        HttpMethod method, string path, object? body = null, string? accessToken = null,
        IReadOnlyDictionary<string, string>? headers = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            return new ApiResult<T>(503, default, ApiProblem.Unreachable(e.Message));
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return new ApiResult<T>(status, default, ApiProblem.From(status, TryParse(text)));
            }

            if (text.Length == 0 || typeof(T) == typeof(NoContent))
            {
                return new ApiResult<T>(status, default, null);
            }

            return new ApiResult<T>(status, JsonSerializer.Deserialize<T>(text, Json), null);
        }
    }

    private static JsonElement TryParse(string text)
    {
        try
        {
            return text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default;
        }
        catch (JsonException)
        {
            return default;
        }
    }
}

/// <summary>The type of a call whose answer has no body that matters.</summary>
public sealed record NoContent;
