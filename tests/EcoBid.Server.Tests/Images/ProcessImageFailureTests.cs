using System.Net.Http.Json;
using EcoBid.Events.Monitoring;
using EcoBid.Server.Blobs;
using EcoBid.Server.Handlers.ImageUploaded;
using EcoBid.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EcoBid.Server.Tests.Images;

/// <summary>
/// A photo ProcessImage cannot get through is retried, dead-lettered after three receives and marked failed for its
/// owner; once the cause is gone, a redrive processes it, and it is processed once.
/// </summary>
public sealed class ProcessImageFailureTests : IDisposable
{
    private readonly FlakyBlobStore _blobs = new();
    private readonly EcoBidApp _app;

    public ProcessImageFailureTests()
    {
        _app = new EcoBidApp().WithServices(services =>
        {
            var store = services.Single(d => d.ServiceType == typeof(IBlobStore));
            services.Remove(store);
            services.AddSingleton<IBlobStore>(provider =>
            {
                _blobs.Inner = (IBlobStore)store.ImplementationFactory!(provider);
                return _blobs;
            });
        });
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_photo_that_keeps_failing_is_dead_lettered_marked_failed_and_processed_once_after_a_redrive()
    {
        var (_, owner) = await _app.SignUpAsync();
        var itemId = await owner.CreateItemAsync();
        _blobs.FailOriginals = true;

        var imageId = await owner.UploadAsync(_app.CreateClient(), itemId, TestPhotos.Jpeg(900, 600, seed: 61));
        await _app.WaitForAsync(a => a.Kind == RuntimeActivityKind.DeadLettered && a.Queue == ProcessImage.Target, seconds: 30);
        var failed = await owner.WaitProcessedAsync(itemId, imageId);

        failed.GetProperty("status").GetString().ShouldBe("failed");
        failed.ProblemCodes().ShouldBe(["processing_failed"]);
        _blobs.OriginalReads.ShouldBe(3);

        _blobs.FailOriginals = false;
        var admin = await _app.AdminClientAsync();
        (await admin.PostAsJsonAsync($"/admin/dlq/{ProcessImage.Target}/redrive", new { })).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(async () =>
            (await (await owner.GetAsync($"/items/{itemId}/images/{imageId}")).ReadJsonAsync()).GetProperty("status").GetString() == "ready",
            what: "the redriven photo is ready");

        (await _app.Database.CountAsync("SELECT COUNT(*) FROM item_image_renditions WHERE image_id = @imageId", new { imageId })).ShouldBe(6);
        await Eventually.TrueAsync(async () => await _app.Database.EventCountAsync("ImageProcessed") == 2, what: "failed, then ready");
        // Committed events, whether the relay has archived the last one yet or not.
        (await _app.Database.CountAsync(
            "SELECT COUNT(*) FROM (SELECT envelope FROM outbox UNION ALL SELECT envelope FROM event_archive) AS events WHERE json_extract(envelope, '$.detail-type') = 'ImageProcessed' AND json_extract(envelope, '$.detail.status') = 'ready'")).ShouldBe(1);
    }

    /// <summary>The real store, except that reading an original fails while <see cref="FailOriginals"/> is set.</summary>
    private sealed class FlakyBlobStore : IBlobStore
    {
        private int _originalReads;

        public IBlobStore Inner { get; set; } = null!;

        public bool FailOriginals { get; set; }

        public int OriginalReads => _originalReads;

        public Task PutAsync(string key, Stream content, long length, string contentType, CancellationToken cancellationToken) =>
            Inner.PutAsync(key, content, length, contentType, cancellationToken);

        public Task<BlobContent?> OpenReadAsync(string key, CancellationToken cancellationToken)
        {
            if (key.StartsWith("originals/", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _originalReads);
                if (FailOriginals)
                {
                    throw new IOException("The disk is not answering.");
                }
            }

            return Inner.OpenReadAsync(key, cancellationToken);
        }

        public Task DeleteAsync(string key, CancellationToken cancellationToken) => Inner.DeleteAsync(key, cancellationToken);

        public IAsyncEnumerable<BlobInfo> ListAsync(string prefix, CancellationToken cancellationToken) => Inner.ListAsync(prefix, cancellationToken);
    }
}
