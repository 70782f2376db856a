using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NetVips;

namespace EcoBid.Web.Tests.Infrastructure;

/// <summary>Photos made on the spot for upload tests, and their upload through the API.</summary>
public static class TestPhotos
{
    /// <summary>A JPEG of one colour: its placeholder's average colour is that colour.</summary>
    public static byte[] FlatJpeg(int width, int height, int[] rgb)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        using var black = Image.Black(width, height, bands: 3);
        using var coloured = black.Linear([1, 1, 1], [.. rgb.Select(c => (double)c)]);
        using var image = coloured.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        return image.JpegsaveBuffer(q: 90);
    }

    /// <summary>Adds a JPEG to the item as its owner (ticket, signed PUT) and waits until it is ready; answers its id.</summary>
    public static async Task<string> UploadReadyAsync(WebServer server, string email, string itemId, byte[] jpeg)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(jpeg);
        var ticket = await People.CallAsync(server, email, HttpMethod.Post, $"/items/{itemId}/images", new { contentType = "image/jpeg", sizeBytes = jpeg.Length });
        var imageId = ticket.GetProperty("id").GetString()!;
        using var put = new HttpRequestMessage(HttpMethod.Put, ticket.GetProperty("upload").GetProperty("url").GetString()) { Content = new ByteArrayContent(jpeg) };
        put.Content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        using (var response = await server.Api.SendAsync(put))
        {
            response.EnsureSuccessStatusCode();
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var status = (await People.CallAsync(server, email, HttpMethod.Get, $"/items/{itemId}/images/{imageId}")).GetProperty("status").GetString();
            if (status == "ready")
            {
                return imageId;
            }

            status.ShouldBeOneOf("awaiting_upload", "processing");
            await Task.Delay(100);
        }

        throw new TimeoutException($"Photo {imageId} never became ready.");
    }
}
