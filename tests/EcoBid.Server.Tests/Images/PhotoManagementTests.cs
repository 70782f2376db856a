using System.Net;
using System.Net.Http.Json;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.Images;

/// <summary>The owner reorders and deletes photos (nobody else may); deleting an item takes its photos' blobs.</summary>
public sealed class PhotoManagementTests : IDisposable
{
    private readonly EcoBidApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Reordering_puts_the_photos_in_the_owners_order_and_changes_the_cover()
    {
        var (owner, itemId, photos) = await ItemWithPhotosAsync(3);

        var response = await owner.PutAsJsonAsync($"/items/{itemId}/images/order", new { imageIds = new[] { photos[2], photos[0], photos[1] } });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.ReadJsonAsync()).EnumerateArray().Select(i => i.GetProperty("id").GetString()).ShouldBe([photos[2], photos[0], photos[1]]);
        var item = await (await _app.CreateClient().GetAsync($"/items/{itemId}")).ReadJsonAsync();
        item.GetProperty("images").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ShouldBe([photos[2], photos[0], photos[1]]);
        item.GetProperty("cover").GetProperty("id").GetString().ShouldBe(photos[2]);
    }

    [Theory]
    [InlineData("one missing")]
    [InlineData("one twice")]
    [InlineData("a stranger")]
    [InlineData("none")]
    public async Task A_new_order_must_name_every_photo_of_the_item_once(string mistake)
    {
        var (owner, itemId, photos) = await ItemWithPhotosAsync(2);
        string[] order = mistake switch
        {
            "one missing" => [photos[1]],
            "one twice" => [photos[1], photos[1]],
            "a stranger" => [photos[1], Guid.NewGuid().ToString()],
            _ => [],
        };

        var problem = await (await owner.PutAsJsonAsync($"/items/{itemId}/images/order", new { imageIds = order })).ShouldBeProblemAsync(400);

        problem.ErrorFields().ShouldBe(["imageIds"]);
        var item = await (await owner.GetAsync($"/items/{itemId}")).ReadJsonAsync();
        item.GetProperty("images").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ShouldBe(photos);
    }

    [Fact]
    public async Task An_upload_ticket_whose_URL_lapsed_is_not_named_in_a_new_order_and_stays_after_the_photos()
    {
        var (owner, itemId, photos) = await ItemWithPhotosAsync(2);
        var lapsed = (await owner.TicketAsync(itemId, TestPhotos.Jpeg(700, 500, seed: 98), "image/jpeg")).GetProperty("id").GetString()!;
        await _app.Database.WriteAsync(scope => Dapper.SqlMapper.ExecuteAsync(scope.Connection,
            "UPDATE item_images SET upload_expires_at = 1 WHERE id = @lapsed", new { lapsed }, scope.Transaction));
        var shown = await (await owner.GetAsync($"/items/{itemId}")).ReadJsonAsync();
        shown.GetProperty("images").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ShouldBe(photos);

        var response = await owner.PutAsJsonAsync($"/items/{itemId}/images/order", new { imageIds = new[] { photos[1], photos[0] } });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.ReadJsonAsync()).EnumerateArray().Select(i => i.GetProperty("id").GetString()).ShouldBe([photos[1], photos[0]]);
        var positions = await _app.Database.ReadAsync(connection => Dapper.SqlMapper.QueryAsync<string>(connection,
            "SELECT id FROM item_images WHERE item_id = @itemId ORDER BY position", new { itemId }));
        positions.ShouldBe([photos[1], photos[0], lapsed]);
        await (await owner.PutAsJsonAsync($"/items/{itemId}/images/order", new { imageIds = new[] { lapsed, photos[1], photos[0] } })).ShouldBeProblemAsync(400);
    }

    [Fact]
    public async Task Deleting_a_photo_removes_its_rows_and_blobs_and_its_URLs_stop_answering()
    {
        var (owner, itemId, photos) = await ItemWithPhotosAsync(2);
        var item = await (await owner.GetAsync($"/items/{itemId}")).ReadJsonAsync();
        var urls = item.GetProperty("images")[0].GetProperty("urls").EnumerateObject().Select(u => u.Value.GetString()!).ToList();

        (await owner.DeleteAsync($"/items/{itemId}/images/{photos[0]}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        foreach (var url in urls)
        {
            (await _app.CreateClient().GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        Directory.Exists(Path.Combine(_app.DataDir, "blobs", "images", photos[0])).ShouldBeFalse();
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM item_image_renditions WHERE image_id = @id", new { id = photos[0] })).ShouldBe(0);
        var after = await (await owner.GetAsync($"/items/{itemId}")).ReadJsonAsync();
        after.GetProperty("cover").GetProperty("id").GetString().ShouldBe(photos[1]);
        (await owner.DeleteAsync($"/items/{itemId}/images/{photos[0]}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_the_owner_may_change_photos()
    {
        var (owner, itemId, photos) = await ItemWithPhotosAsync(1);
        var (_, stranger) = await _app.SignUpAsync();
        var otherItem = await owner.CreateItemAsync();

        (await stranger.DeleteAsync($"/items/{itemId}/images/{photos[0]}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await stranger.PutAsJsonAsync($"/items/{itemId}/images/order", new { imageIds = photos })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await owner.DeleteAsync($"/items/{otherItem}/images/{photos[0]}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _app.CreateClient().DeleteAsync($"/items/{itemId}/images/{photos[0]}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM item_images WHERE id = @id", new { id = photos[0] })).ShouldBe(1);
    }

    [Fact]
    public async Task Withdrawing_an_item_deletes_its_photos_blobs_and_rows()
    {
        var (owner, itemId, photos) = await ItemWithPhotosAsync(2);
        var pending = (await owner.TicketAsync(itemId, TestPhotos.Jpeg(700, 500, seed: 99), "image/jpeg")).GetProperty("id").GetString();

        (await owner.DeleteAsync($"/items/{itemId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await Eventually.TrueAsync(async () => await _app.Database.CountAsync("SELECT COUNT(*) FROM item_images WHERE item_id = @itemId", new { itemId }) == 0, what: "the photos' rows are gone");
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM item_image_renditions")).ShouldBe(0);
        foreach (var photo in photos.Append(pending!))
        {
            Directory.Exists(Path.Combine(_app.DataDir, "blobs", "images", photo)).ShouldBeFalse();
            Directory.Exists(Path.Combine(_app.DataDir, "blobs", "originals", photo)).ShouldBeFalse();
        }

        (await owner.PostAsJsonAsync($"/items/{itemId}/images", new { contentType = "image/jpeg", sizeBytes = 100 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    private async Task<(HttpClient Owner, string ItemId, string[] Photos)> ItemWithPhotosAsync(int count)
    {
        var (_, owner) = await _app.SignUpAsync();
        var itemId = await owner.CreateItemAsync();
        var photos = new string[count];
        for (var i = 0; i < count; i++)
        {
            photos[i] = await owner.UploadAsync(_app.CreateClient(), itemId, TestPhotos.Jpeg(640 + (i * 40), 480, seed: 50 + i));
        }

        foreach (var photo in photos)
        {
            (await owner.WaitProcessedAsync(itemId, photo)).GetProperty("status").GetString().ShouldBe("ready");
        }

        return (owner, itemId, photos);
    }
}
