using System.Text;
using EcoBid.Server.Blobs;

namespace EcoBid.Server.Tests.Blobs;

/// <summary>
/// What every <see cref="IBlobStore"/> adapter must do, written once: a shared store (S3 and the like) subclasses this
/// as the local folder does.
/// </summary>
public abstract class BlobStoreContract
{
    protected abstract IBlobStore Store { get; }

    [Fact]
    public async Task A_put_blob_reads_back_byte_for_byte_and_a_second_put_replaces_it()
    {
        await PutAsync("images/a/first.webp", "first version");
        await PutAsync("images/a/first.webp", "second, longer version");

        (await ReadAsync("images/a/first.webp")).ShouldBe("second, longer version");
        await using var blob = await Store.OpenReadAsync("images/a/first.webp", CancellationToken.None);
        blob!.Length.ShouldBe("second, longer version".Length);
    }

    [Fact]
    public async Task A_missing_blob_reads_as_null_and_deleting_it_is_not_an_error()
    {
        (await Store.OpenReadAsync("images/none/here.jpg", CancellationToken.None)).ShouldBeNull();
        await Store.DeleteAsync("images/none/here.jpg", CancellationToken.None);
    }

    [Fact]
    public async Task A_deleted_blob_is_gone()
    {
        await PutAsync("originals/x/1", "bytes");

        await Store.DeleteAsync("originals/x/1", CancellationToken.None);

        (await Store.OpenReadAsync("originals/x/1", CancellationToken.None)).ShouldBeNull();
        (await ListAsync("originals/")).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public async Task A_stream_shorter_or_longer_than_the_length_given_stores_nothing(int difference)
    {
        var bytes = Encoding.UTF8.GetBytes("exactly twenty bytes");
        await PutAsync("images/b/kept.jpg", "the old one");

        await Should.ThrowAsync<BlobLengthException>(() =>
            Store.PutAsync("images/b/kept.jpg", new MemoryStream(bytes), bytes.Length - difference, "image/jpeg", CancellationToken.None));
        await Should.ThrowAsync<BlobLengthException>(() =>
            Store.PutAsync("images/b/new.jpg", new MemoryStream(bytes), bytes.Length - difference, "image/jpeg", CancellationToken.None));

        (await ReadAsync("images/b/kept.jpg")).ShouldBe("the old one");
        (await ListAsync("images/b/")).ShouldBe(["images/b/kept.jpg"]);
    }

    [Fact]
    public async Task A_listing_gives_every_key_with_the_prefix_in_key_order_with_its_length()
    {
        foreach (var key in new[] { "images/m/2.webp", "images/m/10.jpg", "images/n/1.webp", "images/mm/1.webp", "originals/m/1" })
        {
            await PutAsync(key, key);
        }

        (await ListAsync("images/m/")).ShouldBe(["images/m/10.jpg", "images/m/2.webp"]);
        (await ListAsync("images/m")).ShouldBe(["images/m/10.jpg", "images/m/2.webp", "images/mm/1.webp"]);
        (await ListAsync("")).Count.ShouldBe(5);
        var listed = await Store.ListAsync("images/n/", CancellationToken.None).SingleAsync();
        listed.Length.ShouldBe("images/n/1.webp".Length);
        (DateTimeOffset.UtcNow - listed.LastModified).ShouldBeLessThan(TimeSpan.FromMinutes(5));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/images/a")]
    [InlineData("images//a")]
    [InlineData("images/../secret")]
    [InlineData("images/./a")]
    [InlineData("images/a b")]
    [InlineData("images/a\\b")]
    [InlineData("images/a/")]
    public async Task Keys_that_are_not_plain_segments_are_refused(string key)
    {
        await Should.ThrowAsync<ArgumentException>(() => Store.PutAsync(key, new MemoryStream([1]), 1, "image/jpeg", CancellationToken.None));
        await Should.ThrowAsync<ArgumentException>(() => Store.OpenReadAsync(key, CancellationToken.None));
        await Should.ThrowAsync<ArgumentException>(() => Store.DeleteAsync(key, CancellationToken.None));
    }

    protected Task PutAsync(string key, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return Store.PutAsync(key, new MemoryStream(bytes), bytes.Length, "application/octet-stream", CancellationToken.None);
    }

    protected async Task<string> ReadAsync(string key)
    {
        await using var blob = await Store.OpenReadAsync(key, CancellationToken.None) ?? throw new InvalidOperationException($"No blob {key}.");
        using var reader = new StreamReader(blob.Content);
        return await reader.ReadToEndAsync();
    }

    protected async Task<List<string>> ListAsync(string prefix) =>
        await Store.ListAsync(prefix, CancellationToken.None).Select(b => b.Key).ToListAsync();
}
