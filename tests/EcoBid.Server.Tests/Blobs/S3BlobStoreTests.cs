using System.Text;
using EcoBid.Server.Blobs;
using EcoBid.Server.Blobs.S3;

namespace EcoBid.Server.Tests.Blobs;

/// <summary>The blob store contract on an S3 bucket (moto's S3 server), and what only a shared store has to show.</summary>
public sealed class S3BlobStoreTests : BlobStoreContract, IClassFixture<MotoS3>, IAsyncLifetime, IDisposable
{
    private readonly S3BlobStore _store;
    private readonly MotoS3 _moto;

    public S3BlobStoreTests(MotoS3 moto)
    {
        _moto = moto;
        _store = new S3BlobStore(moto.Options("photos-" + Guid.NewGuid().ToString("N")[..12]));
    }

    protected override IBlobStore Store => _store;

    public Task InitializeAsync() => _store.EnsureBucketAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task A_blob_put_by_one_process_reads_back_through_another_store_on_the_same_bucket_and_ensuring_the_bucket_twice_is_fine()
    {
        await PutAsync("images/shared/1.webp", "seen by every node");

        using var other = new S3BlobStore(_moto.Options(_store.Bucket));
        await other.EnsureBucketAsync(CancellationToken.None);
        await using var blob = await other.OpenReadAsync("images/shared/1.webp", CancellationToken.None);
        blob.ShouldNotBeNull();
        using var reader = new StreamReader(blob.Content);
        (await reader.ReadToEndAsync()).ShouldBe("seen by every node");
    }

    [Fact]
    public async Task A_listing_of_more_than_one_page_gives_every_key_once_in_order()
    {
        var keys = Enumerable.Range(0, 1_050).Select(i => $"images/page/{i:D5}").ToList();
        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (key, ct) =>
        {
            var bytes = Encoding.UTF8.GetBytes(key);
            await Store.PutAsync(key, new MemoryStream(bytes), bytes.Length, "text/plain", ct);
        });

        (await ListAsync("images/page/")).ShouldBe(keys);
    }

    [Fact]
    public async Task A_large_blob_streams_up_and_down_intact()
    {
        var bytes = new byte[12 * 1024 * 1024 + 7];
        new Random(4).NextBytes(bytes);

        await Store.PutAsync("originals/big/1", new NonSeekable(bytes), bytes.Length, "image/jpeg", CancellationToken.None);

        await using var blob = await Store.OpenReadAsync("originals/big/1", CancellationToken.None);
        blob!.Length.ShouldBe(bytes.Length);
        using var copy = new MemoryStream();
        await blob.Content.CopyToAsync(copy);
        copy.ToArray().ShouldBe(bytes);
    }

    [Fact]
    public async Task An_unreachable_endpoint_fails_the_start_check_naming_the_bucket()
    {
        var options = _moto.Options("nowhere");
        options.ServiceUrl = new Uri("http://127.0.0.1:9");
        using var store = new S3BlobStore(options);

        var error = await Should.ThrowAsync<InvalidOperationException>(() => new BlobStoreStartupCheck(store).StartAsync(CancellationToken.None));

        error.Message.ShouldContain("'nowhere'");
    }

    /// <summary>A request body as the upload endpoint hands it over: read once, front to back.</summary>
    private sealed class NonSeekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
