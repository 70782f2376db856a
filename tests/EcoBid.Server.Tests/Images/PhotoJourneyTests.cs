using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Images;

/// <summary>A photo through the real host: upload URL, signed PUT, ImageUploaded, ProcessImage, ImageProcessed, served renditions.</summary>
public sealed class PhotoJourneyTests : IDisposable
{
    private readonly EcoBidApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task An_uploaded_photo_is_processed_once_and_its_renditions_are_served_immutable_with_the_hash_as_ETag()
    {
        var (_, owner) = await _app.SignUpAsync();
        var itemId = await owner.CreateItemAsync();
        var photo = TestPhotos.Jpeg(1600, 1200, seed: 3);

        var ticket = await owner.TicketAsync(itemId, photo, "image/jpeg");
        ticket.GetProperty("status").GetString().ShouldBe("awaiting_upload");
        var upload = ticket.GetProperty("upload");
        upload.GetProperty("method").GetString().ShouldBe("PUT");
        upload.GetProperty("headers").GetProperty("Content-Type").GetString().ShouldBe("image/jpeg");
        upload.GetProperty("headers").GetProperty("Content-Length").GetString().ShouldBe(photo.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (upload.GetProperty("expiresAt").GetDateTimeOffset() - DateTimeOffset.UtcNow).ShouldBeInRange(TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1));

        using var put = PhotoFlow.PutRequest(ticket, photo);
        var stored = await _app.CreateClient().SendAsync(put);
        stored.StatusCode.ShouldBe(HttpStatusCode.OK, await stored.Content.ReadAsStringAsync());
        stored.Headers.ETag!.Tag.ShouldBe($"\"{Convert.ToHexStringLower(SHA256.HashData(photo))}\"");
        var imageId = ticket.GetProperty("id").GetString()!;

        var image = await owner.WaitProcessedAsync(itemId, imageId);
        image.GetProperty("status").GetString().ShouldBe("ready");
        image.GetProperty("width").GetInt32().ShouldBe(1600);
        image.GetProperty("height").GetInt32().ShouldBe(1200);
        image.GetProperty("placeholder").GetString()!.Length.ShouldBe(28);
        image.GetProperty("sizes").GetProperty("thumb").GetProperty("width").GetInt32().ShouldBe(160);
        image.GetProperty("sizes").GetProperty("medium").GetProperty("width").GetInt32().ShouldBe(480);
        image.GetProperty("sizes").GetProperty("large").GetProperty("width").GetInt32().ShouldBe(1280);

        var anonymous = _app.CreateClient();
        foreach (var (format, mediaType) in new[] { ("urls", "image/webp"), ("jpegUrls", "image/jpeg") })
        {
            foreach (var name in new[] { "thumb", "medium", "large" })
            {
                var url = image.GetProperty(format).GetProperty(name).GetString()!;
                var response = await anonymous.GetAsync(url);
                response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
                response.Content.Headers.ContentType!.MediaType.ShouldBe(mediaType);
                response.Headers.CacheControl!.ToString().ShouldBe("public, max-age=31536000, immutable");
                var bytes = await response.Content.ReadAsByteArrayAsync();
                var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
                url.ShouldContain(hash, customMessage: "the URL names the bytes' hash");
                response.Headers.ETag!.Tag.ShouldBe($"\"{hash}\"");
                TestPhotos.Fields(bytes, out var width, out _);
                width.ShouldBe(image.GetProperty("sizes").GetProperty(name).GetProperty("width").GetInt32());

                using var again = new HttpRequestMessage(HttpMethod.Get, url);
                again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{hash}\""));
                (await anonymous.SendAsync(again)).StatusCode.ShouldBe(HttpStatusCode.NotModified);

                // A HEAD answers what a GET would, without the bytes (link checkers, caches revalidating).
                using var head = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
                head.StatusCode.ShouldBe(HttpStatusCode.OK, url);
                head.Content.Headers.ContentType!.MediaType.ShouldBe(mediaType);
                head.Content.Headers.ContentLength.ShouldBe(bytes.Length);
                head.Headers.ETag!.Tag.ShouldBe($"\"{hash}\"");
                (await head.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
            }
        }

        (await _app.Database.EventCountAsync("ImageUploaded")).ShouldBe(1);
        await Eventually.TrueAsync(async () => await _app.Database.EventCountAsync("ImageProcessed") == 1);
        var processed = JsonDocument.Parse(await _app.Database.ReadAsync(c => Dapper.SqlMapper.QuerySingleAsync<string>(
            c, PortableSql.For(c, "SELECT envelope FROM (SELECT envelope FROM outbox UNION ALL SELECT envelope FROM event_archive) AS events WHERE json_extract(envelope, '$.detail-type') = 'ImageProcessed'"))));
        var detail = processed.RootElement.GetProperty("detail");
        detail.GetProperty("imageId").GetString().ShouldBe(imageId);
        detail.GetProperty("itemId").GetString().ShouldBe(itemId);
        detail.GetProperty("status").GetString().ShouldBe("ready");
        detail.GetProperty("problems").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task The_first_ready_photo_is_the_cover_in_search_results_seller_listings_and_reservation_summaries()
    {
        var (_, owner) = await _app.SignUpAsync();
        var (_, taker) = await _app.SignUpAsync();
        var title = "Cover lamp " + Guid.NewGuid().ToString("N")[..6];
        var itemId = await owner.CreateItemAsync(Requests.Item(title: title));
        var first = await owner.UploadAsync(_app.CreateClient(), itemId, TestPhotos.Jpeg(900, 700, seed: 11));
        var second = await owner.UploadAsync(_app.CreateClient(), itemId, TestPhotos.Png(700, 900, seed: 12), "image/png");
        await owner.WaitProcessedAsync(itemId, first);
        await owner.WaitProcessedAsync(itemId, second);

        var item = await (await taker.GetAsync($"/items/{itemId}")).ReadJsonAsync();
        item.GetProperty("images").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ShouldBe([first, second]);
        var cover = item.GetProperty("cover");
        cover.GetProperty("id").GetString().ShouldBe(first);
        var thumb = cover.GetProperty("urls").GetProperty("thumb").GetString();

        await Eventually.TrueAsync(async () =>
        {
            var found = await (await taker.GetAsync($"/items?q={Uri.EscapeDataString(title)}")).ReadJsonAsync();
            return found.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("id").GetString() == itemId
                && i.GetProperty("cover").ValueKind == JsonValueKind.Object
                && i.GetProperty("cover").GetProperty("urls").GetProperty("thumb").GetString() == thumb);
        }, what: "search shows the cover");

        var mine = await (await owner.GetAsync("/users/me/items")).ReadJsonAsync();
        mine.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == itemId)
            .GetProperty("cover").GetProperty("id").GetString().ShouldBe(first);

        var reserved = await taker.PostAsync($"/items/{itemId}/reserve", null);
        reserved.StatusCode.ShouldBe(HttpStatusCode.Created, await reserved.Content.ReadAsStringAsync());
        var reservation = await reserved.ReadJsonAsync();
        var reservationId = (reservation.TryGetProperty("id", out var id) ? id : reservation.GetProperty("reservationId")).GetString();
        var read = await (await taker.GetAsync($"/reservations/{reservationId}")).ReadJsonAsync();
        read.GetProperty("item").GetProperty("thumbnail").GetString().ShouldBe(thumb);
    }

    [Fact]
    public async Task Others_see_only_ready_photos_and_the_owner_sees_every_state()
    {
        var (_, owner) = await _app.SignUpAsync();
        var (_, other) = await _app.SignUpAsync();
        var itemId = await owner.CreateItemAsync();
        var ready = await owner.UploadAsync(_app.CreateClient(), itemId, TestPhotos.Jpeg(800, 600, seed: 21));
        var waiting = (await owner.TicketAsync(itemId, TestPhotos.Jpeg(800, 600, seed: 22), "image/jpeg")).GetProperty("id").GetString()!;
        await owner.WaitProcessedAsync(itemId, ready);

        var asOwner = await (await owner.GetAsync($"/items/{itemId}")).ReadJsonAsync();
        asOwner.GetProperty("images").EnumerateArray().Select(i => (i.GetProperty("id").GetString(), i.GetProperty("status").GetString()))
            .ShouldBe([(ready, "ready"), (waiting, "awaiting_upload")]);
        var asOther = await (await other.GetAsync($"/items/{itemId}")).ReadJsonAsync();
        asOther.GetProperty("images").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ShouldBe([ready]);
        (await other.GetAsync($"/items/{itemId}/images/{waiting}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await owner.GetAsync($"/items/{itemId}/images/{waiting}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_original_is_never_served_not_by_its_hash_nor_its_blob_key_nor_named_in_any_answer()
    {
        var (_, owner) = await _app.SignUpAsync();
        var (_, other) = await _app.SignUpAsync();
        var itemId = await owner.CreateItemAsync();
        var photo = TestPhotos.JpegWithGps();
        var imageId = await owner.UploadAsync(_app.CreateClient(), itemId, photo);
        (await owner.WaitProcessedAsync(itemId, imageId)).GetProperty("status").GetString().ShouldBe("ready");
        var originalKey = await _app.Database.ReadAsync(c => Dapper.SqlMapper.QuerySingleAsync<string>(c, "SELECT original_key FROM item_images WHERE id = @imageId", new { imageId }));
        File.Exists(Path.Combine(_app.DataDir, "blobs", originalKey)).ShouldBeTrue("the original is still kept for its grace period");
        var originalHash = Convert.ToHexStringLower(SHA256.HashData(photo));
        var blobName = originalKey.Split('/')[^1];

        foreach (var client in new[] { other, owner, _app.CreateClient() })
        {
            foreach (var url in new[]
            {
                $"/images/{imageId}/{originalHash}.jpg", $"/images/{imageId}/{originalHash}.webp", $"/images/{imageId}/{originalHash}",
                $"/images/{imageId}/{blobName}", $"/{originalKey}", $"/uploads/{imageId}", $"/originals/{imageId}/{blobName}",
            })
            {
                var response = await client.GetAsync(url);
                response.IsSuccessStatusCode.ShouldBeFalse(url);
                (await response.Content.ReadAsByteArrayAsync()).ShouldNotBe(photo, url);
            }
        }

        foreach (var (client, path) in new[] { (other, $"/items/{itemId}"), (owner, $"/items/{itemId}"), (owner, $"/items/{itemId}/images/{imageId}") })
        {
            var text = await client.GetStringAsync(path);
            text.ShouldNotContain(originalHash, Case.Insensitive, path);
            text.ShouldNotContain(blobName, Case.Insensitive, path);
        }
    }

    [Fact]
    public async Task The_same_photo_again_from_the_same_seller_is_shown_but_flagged_as_a_near_duplicate_to_its_owner()
    {
        var (_, owner) = await _app.SignUpAsync();
        var firstItem = await owner.CreateItemAsync();
        var secondItem = await owner.CreateItemAsync(Requests.Item(title: "Another chair"));
        var photo = TestPhotos.Jpeg(1000, 800, seed: 31);
        var original = await owner.UploadAsync(_app.CreateClient(), firstItem, photo);
        await owner.WaitProcessedAsync(firstItem, original);

        var copy = await owner.UploadAsync(_app.CreateClient(), secondItem, photo);
        var image = await owner.WaitProcessedAsync(secondItem, copy);

        image.GetProperty("status").GetString().ShouldBe("ready");
        image.ProblemCodes().ShouldBe(["near_duplicate"]);
        image.GetProperty("problems")[0].GetProperty("message").GetString()!.ShouldContain(original);
        var (_, other) = await _app.SignUpAsync();
        (await (await other.GetAsync($"/items/{secondItem}/images/{copy}")).ReadJsonAsync()).GetProperty("problems").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task An_upload_URL_needs_the_owner_a_supported_type_and_a_size_within_the_limit()
    {
        var (_, owner) = await _app.SignUpAsync();
        var (_, other) = await _app.SignUpAsync();
        var itemId = await owner.CreateItemAsync();

        (await other.PostAsJsonAsync($"/items/{itemId}/images", new { contentType = "image/jpeg", sizeBytes = 1000 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await owner.PostAsJsonAsync("/items/no-such-item/images", new { contentType = "image/jpeg", sizeBytes = 1000 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _app.CreateClient().PostAsJsonAsync($"/items/{itemId}/images", new { contentType = "image/jpeg", sizeBytes = 1000 })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var cases = new (object Body, string Field)[]
        {
            (new { contentType = "image/gif", sizeBytes = 1000 }, "contentType"),
            (new { contentType = "image/svg+xml", sizeBytes = 1000 }, "contentType"),
            (new { sizeBytes = 1000 }, "contentType"),
            (new { contentType = "image/jpeg", sizeBytes = 0 }, "sizeBytes"),
            (new { contentType = "image/jpeg", sizeBytes = 25L * 1024 * 1024 + 1 }, "sizeBytes"),
            (new { contentType = "image/jpeg" }, "sizeBytes"),
            (new { contentType = "image/jpeg", sizeBytes = 1000, sha256 = "abc" }, "sha256"),
        };
        foreach (var (body, field) in cases)
        {
            var problem = await (await owner.PostAsJsonAsync($"/items/{itemId}/images", body)).ShouldBeProblemAsync(400);
            problem.ErrorFields().ShouldBe([field], JsonSerializer.Serialize(body));
        }

        (await _app.Database.CountAsync("SELECT COUNT(*) FROM item_images")).ShouldBe(0);
    }
}
