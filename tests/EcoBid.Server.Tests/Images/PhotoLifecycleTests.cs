using System.Text.Json;
using Dapper;
using EcoBid.Events.Envelope;
using EcoBid.Events.Handlers;
using EcoBid.Server.Blobs;
using EcoBid.Server.Handlers.Scheduled;
using EcoBid.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EcoBid.Server.Tests.Images;

/// <summary>
/// Seed 002's lifecycle, run by CleanupImages on the DailyCleanup schedule: originals go a grace period after
/// processing, photos of items ended more than Images:RetentionDays ago go, uploads never completed go after a day,
/// and blobs that belong to no photo go; everything else stays.
/// </summary>
public sealed class PhotoLifecycleTests : IDisposable
{
    private readonly EcoBidApp _app = new EcoBidApp().With("Images:OriginalGracePeriod", "00:00:00");

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_processed_original_is_deleted_after_the_grace_period_and_the_renditions_stay()
    {
        var (owner, itemId, imageId) = await ReadyPhotoAsync();
        var original = await _app.Database.ReadAsync(c => c.QuerySingleAsync<string>("SELECT original_key FROM item_images WHERE id = @imageId", new { imageId }));
        File.Exists(BlobPath(original)).ShouldBeTrue();

        await RunCleanupAsync();

        File.Exists(BlobPath(original)).ShouldBeFalse();
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM item_images WHERE id = @imageId AND original_key IS NULL", new { imageId })).ShouldBe(1);
        var item = await (await owner.GetAsync($"/items/{itemId}")).ReadJsonAsync();
        (await _app.CreateClient().GetAsync(item.GetProperty("cover").GetProperty("urls").GetProperty("large").GetString())).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Photos_of_an_item_that_ended_more_than_90_days_ago_are_deleted_and_those_of_a_recent_one_kept()
    {
        var (_, oldItem, oldImage) = await ReadyPhotoAsync(seed: 1);
        var (_, recentItem, recentImage) = await ReadyPhotoAsync(seed: 2);
        var now = DateTimeOffset.UtcNow;
        await SetItemAsync(oldItem, "picked_up", now - TimeSpan.FromDays(91));
        await SetItemAsync(recentItem, "picked_up", now - TimeSpan.FromDays(89));

        await RunCleanupAsync();

        (await _app.Database.CountAsync("SELECT COUNT(*) FROM item_images WHERE id = @oldImage", new { oldImage })).ShouldBe(0);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM item_image_renditions WHERE image_id = @oldImage", new { oldImage })).ShouldBe(0);
        Directory.Exists(BlobPath($"images/{oldImage}")).ShouldBeFalse();
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM item_image_renditions WHERE image_id = @recentImage", new { recentImage })).ShouldBe(6);
        Directory.EnumerateFiles(BlobPath($"images/{recentImage}")).Count().ShouldBe(6);
    }

    [Fact]
    public async Task An_upload_URL_whose_bytes_never_came_is_forgotten_after_a_day()
    {
        var (_, owner) = await _app.SignUpAsync();
        var itemId = await owner.CreateItemAsync();
        var stale = (await owner.TicketAsync(itemId, TestPhotos.Jpeg(), "image/jpeg")).GetProperty("id").GetString();
        var fresh = (await owner.TicketAsync(itemId, TestPhotos.Jpeg(), "image/jpeg")).GetProperty("id").GetString();
        await _app.Database.WriteAsync(scope => scope.Connection.ExecuteAsync(
            "UPDATE item_images SET created_at = @old WHERE id = @stale",
            new { stale, old = (DateTimeOffset.UtcNow - TimeSpan.FromHours(25)).ToUnixTimeMilliseconds() },
            scope.Transaction));

        await RunCleanupAsync();

        (await _app.Database.ReadAsync(c => c.QueryAsync<string>("SELECT id FROM item_images"))).ShouldBe([fresh]);
    }

    [Fact]
    public async Task Blobs_that_belong_to_no_photo_are_deleted_once_an_hour_old()
    {
        await ReadyPhotoAsync();
        var blobs = _app.Services.GetRequiredService<IBlobStore>();
        var oldOrphan = $"images/{Guid.NewGuid()}/{new string('a', 64)}.webp";
        var newOrphan = $"originals/{Guid.NewGuid()}/upload";
        foreach (var key in new[] { oldOrphan, newOrphan })
        {
            await blobs.PutAsync(key, new MemoryStream([1, 2, 3]), 3, "image/webp", CancellationToken.None);
        }

        File.SetLastWriteTimeUtc(BlobPath(oldOrphan), DateTime.UtcNow.AddHours(-2));
        var kept = await blobs.ListAsync("images/", CancellationToken.None).Where(b => b.Key != oldOrphan).Select(b => b.Key).ToListAsync();

        await RunCleanupAsync();

        File.Exists(BlobPath(oldOrphan)).ShouldBeFalse();
        File.Exists(BlobPath(newOrphan)).ShouldBeTrue();
        (await blobs.ListAsync("images/", CancellationToken.None).Select(b => b.Key).ToListAsync()).ShouldBe(kept);
    }

    [Fact]
    public async Task Cleaning_up_twice_changes_nothing_more()
    {
        var (_, oldItem, _) = await ReadyPhotoAsync();
        await SetItemAsync(oldItem, "expired", DateTimeOffset.UtcNow - TimeSpan.FromDays(100));
        await RunCleanupAsync();
        var files = Directory.EnumerateFiles(Path.Combine(_app.DataDir, "blobs"), "*", SearchOption.AllDirectories).Order().ToList();

        await RunCleanupAsync();

        Directory.EnumerateFiles(Path.Combine(_app.DataDir, "blobs"), "*", SearchOption.AllDirectories).Order().ShouldBe(files);
        (await _app.Database.CountAsync("SELECT COUNT(*) FROM item_images")).ShouldBe(0);
    }

    private async Task<(HttpClient Owner, string ItemId, string ImageId)> ReadyPhotoAsync(int seed = 1)
    {
        var (_, owner) = await _app.SignUpAsync();
        var itemId = await owner.CreateItemAsync();
        var imageId = await owner.UploadAsync(_app.CreateClient(), itemId, TestPhotos.Jpeg(800, 600, seed));
        (await owner.WaitProcessedAsync(itemId, imageId)).GetProperty("status").GetString().ShouldBe("ready");
        return (owner, itemId, imageId);
    }

    private Task SetItemAsync(string itemId, string status, DateTimeOffset updatedAt) =>
        _app.Database.WriteAsync(scope => scope.Connection.ExecuteAsync(
            "UPDATE items SET status = @status, updated_at = @at WHERE id = @itemId",
            new { itemId, status, at = updatedAt.ToUnixTimeMilliseconds() },
            scope.Transaction));

    private string BlobPath(string key) => Path.Combine(_app.DataDir, "blobs", key.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Runs CleanupImages once, as the DailyCleanup schedule's event would.</summary>
    private Task RunCleanupAsync()
    {
        var handler = _app.Services.GetRequiredKeyedService<IEventHandler>(CleanupImages.Target);
        using var detail = JsonDocument.Parse("{}");
        var scheduled = new EventEnvelope
        {
            Id = Guid.NewGuid().ToString(),
            Source = "ecobid.scheduler",
            DetailType = "Scheduled Event",
            Time = DateTimeOffset.UtcNow,
            Detail = detail.RootElement.Clone(),
        };
        return _app.Database.WriteAsync(async scope =>
        {
            await handler.HandleAsync(scheduled, scope, CancellationToken.None);
            return 0;
        });
    }
}
