using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace EcoBid.Server.Tests.Infrastructure;

/// <summary>A photo's way in, as a client takes it: ask for an upload URL, PUT the bytes there, watch it get processed.</summary>
public static class PhotoFlow
{
    /// <summary>Asks for an upload URL for these bytes; asserts the 201.</summary>
    public static async Task<JsonElement> TicketAsync(this HttpClient owner, string itemId, byte[] bytes, string contentType, string? sha256 = null)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(bytes);
        var response = await owner.PostAsJsonAsync($"/items/{itemId}/images", new { contentType, sizeBytes = bytes.LongLength, sha256 });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    /// <summary>The PUT the ticket asks for, with its content type unless another is given.</summary>
    public static HttpRequestMessage PutRequest(JsonElement ticket, byte[] bytes, string? contentType = null, string? url = null)
    {
        var upload = ticket.GetProperty("upload");
        var request = new HttpRequestMessage(HttpMethod.Put, url ?? upload.GetProperty("url").GetString()) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? upload.GetProperty("headers").GetProperty("Content-Type").GetString()!);
        return request;
    }

    /// <summary>Asks for a URL and uploads to it without a token; returns the photo's id.</summary>
    public static async Task<string> UploadAsync(this HttpClient owner, HttpClient anonymous, string itemId, byte[] bytes, string contentType = "image/jpeg")
    {
        ArgumentNullException.ThrowIfNull(anonymous);
        var ticket = await owner.TicketAsync(itemId, bytes, contentType);
        using var put = PutRequest(ticket, bytes);
        var response = await anonymous.SendAsync(put);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return ticket.GetProperty("id").GetString()!;
    }

    /// <summary>Reads the photo as its owner until it is no longer waiting or processing (bounded).</summary>
    public static async Task<JsonElement> WaitProcessedAsync(this HttpClient owner, string itemId, string imageId, double seconds = 30)
    {
        ArgumentNullException.ThrowIfNull(owner);
        JsonElement image = default;
        await Eventually.TrueAsync(
            async () =>
            {
                var response = await owner.GetAsync($"/items/{itemId}/images/{imageId}");
                response.EnsureSuccessStatusCode();
                image = await response.ReadJsonAsync();
                return image.GetProperty("status").GetString() is not ("awaiting_upload" or "processing");
            },
            seconds,
            $"photo {imageId} is processed");
        return image;
    }

    public static IReadOnlyList<string> ProblemCodes(this JsonElement image) =>
        [.. image.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("code").GetString()!)];
}
