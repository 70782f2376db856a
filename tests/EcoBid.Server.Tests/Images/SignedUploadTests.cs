using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using EcoBid.Server.Images;
using EcoBid.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EcoBid.Server.Tests.Images;

/// <summary>
/// The signed PUT refuses everything but the upload it was issued for, with a problem and nothing stored: no blob,
/// no ImageUploaded, the photo still awaiting its upload.
/// </summary>
public sealed class SignedUploadTests : IDisposable
{
    private readonly EcoBidApp _app = new EcoBidApp().With("Images:MaxBytes", "2000000");

    public void Dispose() => _app.Dispose();

    public static TheoryData<string> Refusals() =>
    [
        "no signature", "tampered signature", "signature for another photo", "expiry moved later", "other content type",
        "other length, shorter body", "other length, longer body", "bearer token instead of a signature",
    ];

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_request_that_is_not_the_signed_one_is_forbidden_and_stores_nothing(string refusal)
    {
        var (owner, itemId, photo, ticket) = await TicketAsync();
        var url = new Uri(ticket.GetProperty("upload").GetProperty("url").GetString()!);
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        var other = await owner.TicketAsync(itemId, TestPhotos.Jpeg(640, 480, seed: 2), "image/jpeg");
        var otherQuery = System.Web.HttpUtility.ParseQueryString(new Uri(other.GetProperty("upload").GetProperty("url").GetString()!).Query);
        var client = _app.CreateClient();

        using var request = refusal switch
        {
            "no signature" => PhotoFlow.PutRequest(ticket, photo, url: url.AbsolutePath),
            "tampered signature" => PhotoFlow.PutRequest(ticket, photo, url: $"{url.AbsolutePath}?expires={query["expires"]}&signature={Tamper(query["signature"]!)}"),
            "signature for another photo" => PhotoFlow.PutRequest(ticket, photo, url: $"{url.AbsolutePath}?expires={otherQuery["expires"]}&signature={otherQuery["signature"]}"),
            "expiry moved later" => PhotoFlow.PutRequest(ticket, photo, url: $"{url.AbsolutePath}?expires={long.Parse(query["expires"]!, CultureInfo.InvariantCulture) + 3600}&signature={query["signature"]}"),
            "other content type" => PhotoFlow.PutRequest(ticket, photo, contentType: "image/png"),
            "other length, shorter body" => PhotoFlow.PutRequest(ticket, photo[..^1]),
            "other length, longer body" => PhotoFlow.PutRequest(ticket, [.. photo, 0]),
            "bearer token instead of a signature" => WithBearer(PhotoFlow.PutRequest(ticket, photo, url: url.AbsolutePath), owner),
            _ => throw new ArgumentOutOfRangeException(nameof(refusal)),
        };
        var response = await client.SendAsync(request);

        var problem = await response.ShouldBeProblemAsync(403);
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        await NothingStoredAsync(ticket.GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task An_expired_URL_is_forbidden()
    {
        var (_, _, photo, ticket) = await TicketAsync();
        var imageId = ticket.GetProperty("id").GetString()!;
        var signer = _app.Services.GetRequiredService<UploadSigner>();
        var past = DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeSeconds();
        var signature = signer.Sign("PUT", UploadsApi.PathOf(imageId), past, "image/jpeg", photo.Length);

        using var request = PhotoFlow.PutRequest(ticket, photo, url: $"/uploads/{imageId}?expires={past}&signature={signature}");
        var problem = await (await _app.CreateClient().SendAsync(request)).ShouldBeProblemAsync(403);

        problem.GetProperty("detail").GetString()!.ShouldContain("expired");
        await NothingStoredAsync(imageId);
    }

    [Fact]
    public async Task A_second_upload_to_the_same_URL_is_a_conflict_and_the_first_stays()
    {
        var (owner, itemId, photo, ticket) = await TicketAsync();
        using (var first = PhotoFlow.PutRequest(ticket, photo))
        {
            (await _app.CreateClient().SendAsync(first)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var second = PhotoFlow.PutRequest(ticket, photo);
        await (await _app.CreateClient().SendAsync(second)).ShouldBeProblemAsync(409);

        var imageId = ticket.GetProperty("id").GetString()!;
        (await owner.WaitProcessedAsync(itemId, imageId)).GetProperty("status").GetString().ShouldBe("ready");
        (await _app.Database.EventCountAsync("ImageUploaded")).ShouldBe(1);
    }

    [Fact]
    public async Task Bytes_that_do_not_have_the_declared_SHA_256_are_refused_and_not_kept()
    {
        var (owner, itemId, photo, _) = await TicketAsync();
        var ticket = await owner.TicketAsync(itemId, photo, "image/jpeg", sha256: Convert.ToHexStringLower(SHA256.HashData(photo[1..])));

        using var request = PhotoFlow.PutRequest(ticket, photo);
        var problem = await (await _app.CreateClient().SendAsync(request)).ShouldBeProblemAsync(400);

        problem.ErrorFields().ShouldBe(["body"]);
        await NothingStoredAsync(ticket.GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task Bytes_with_the_declared_SHA_256_are_stored()
    {
        var (owner, itemId, photo, _) = await TicketAsync();
        var ticket = await owner.TicketAsync(itemId, photo, "image/jpeg", sha256: Convert.ToHexString(SHA256.HashData(photo)));

        using var request = PhotoFlow.PutRequest(ticket, photo);
        (await _app.CreateClient().SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_body_without_a_length_is_refused_with_411()
    {
        var (_, _, photo, ticket) = await TicketAsync();
        using var request = PhotoFlow.PutRequest(ticket, photo);
        request.Content = new StreamContent(new NonSeekable(photo));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        request.Headers.TransferEncodingChunked = true;

        await (await _app.CreateClient().SendAsync(request)).ShouldBeProblemAsync(411);
        await NothingStoredAsync(ticket.GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413_before_it_is_read()
    {
        var (_, _, _, ticket) = await TicketAsync();
        var imageId = ticket.GetProperty("id").GetString()!;
        var huge = new byte[2_000_001];
        var expires = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds();
        var signature = _app.Services.GetRequiredService<UploadSigner>().Sign("PUT", UploadsApi.PathOf(imageId), expires, "image/jpeg", huge.Length);

        using var request = PhotoFlow.PutRequest(ticket, huge, url: $"/uploads/{imageId}?expires={expires}&signature={signature}");
        await (await _app.CreateClient().SendAsync(request)).ShouldBeProblemAsync(413);
        await NothingStoredAsync(imageId);
    }

    [Fact]
    public async Task A_photo_over_the_limit_gets_no_URL_and_an_item_takes_at_most_ten()
    {
        var (owner, itemId, photo, _) = await TicketAsync();
        for (var i = 1; i < 10; i++)
        {
            await owner.TicketAsync(itemId, photo, "image/jpeg");
        }

        var full = await owner.PostAsJsonAsync($"/items/{itemId}/images", new { contentType = "image/jpeg", sizeBytes = photo.Length });
        (await full.ShouldBeProblemAsync(409)).GetProperty("detail").GetString()!.ShouldContain("10 photos");
        var otherItem = await owner.CreateItemAsync();
        var tooBig = await owner.PostAsJsonAsync($"/items/{otherItem}/images", new { contentType = "image/jpeg", sizeBytes = 2_000_001 });
        (await tooBig.ShouldBeProblemAsync(400)).ErrorFields().ShouldBe(["sizeBytes"]);
    }

    private async Task<(HttpClient Owner, string ItemId, byte[] Photo, JsonElement Ticket)> TicketAsync()
    {
        var (_, owner) = await _app.SignUpAsync();
        var itemId = await owner.CreateItemAsync();
        var photo = TestPhotos.Jpeg(640, 480);
        return (owner, itemId, photo, await owner.TicketAsync(itemId, photo, "image/jpeg"));
    }

    private async Task NothingStoredAsync(string imageId)
    {
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM item_images WHERE id = @imageId AND status = 'awaiting_upload' AND original_key IS NULL", new { imageId })).ShouldBe(1);
        (await _app.Database.EventCountAsync("ImageUploaded")).ShouldBe(0);
        var blobs = Path.Combine(_app.DataDir, "blobs");
        (Directory.Exists(blobs) ? Directory.EnumerateFiles(blobs, "*", SearchOption.AllDirectories) : []).ShouldBeEmpty();
    }

    private static string Tamper(string signature) => (signature[0] == 'A' ? "B" : "A") + signature[1..];

    private static HttpRequestMessage WithBearer(HttpRequestMessage request, HttpClient owner)
    {
        request.Headers.Authorization = owner.DefaultRequestHeaders.Authorization;
        return request;
    }

    /// <summary>A stream that cannot tell its length, so the client sends it chunked.</summary>
    private sealed class NonSeekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
