using EcoBid.Server.Blobs;

namespace EcoBid.Server.Tests.Blobs;

/// <summary>The blob store contract on a folder, and what only a folder can show: no half file is ever visible.</summary>
public sealed class LocalFolderBlobStoreTests : BlobStoreContract, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ecobid-blobs-" + Guid.NewGuid().ToString("N"));
    private readonly LocalFolderBlobStore _store;

    public LocalFolderBlobStoreTests() => _store = new LocalFolderBlobStore(_root);

    protected override IBlobStore Store => _store;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task While_a_put_is_streaming_its_key_shows_nothing_and_a_failed_put_leaves_no_file()
    {
        var gate = new GatedStream(new byte[100_000], pauseAfter: 50_000);
        var put = Store.PutAsync("images/c/slow.webp", gate, 100_000, "image/webp", CancellationToken.None);
        await gate.Paused;

        (await Store.OpenReadAsync("images/c/slow.webp", CancellationToken.None)).ShouldBeNull();
        (await ListAsync("images/")).ShouldBeEmpty();
        File.Exists(Path.Combine(_root, "images", "c", "slow.webp")).ShouldBeFalse();

        gate.Fail();
        await Should.ThrowAsync<IOException>(() => put);
        Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public async Task Deleting_the_last_blob_of_a_folder_removes_the_emptied_folders()
    {
        await PutAsync("images/d/only.jpg", "x");

        await Store.DeleteAsync("images/d/only.jpg", CancellationToken.None);

        Directory.Exists(Path.Combine(_root, "images", "d")).ShouldBeFalse();
        Directory.Exists(Path.Combine(_root, "images")).ShouldBeFalse();
    }

    [Fact]
    public void A_temporary_file_left_by_a_crash_is_removed_by_the_next_start_once_it_is_an_hour_old()
    {
        var stale = Path.Combine(_root, ".incoming", "crashed.part");
        var recent = Path.Combine(_root, ".incoming", "running.part");
        File.WriteAllText(stale, "half");
        File.WriteAllText(recent, "half");
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-2));

        _ = new LocalFolderBlobStore(_root);

        File.Exists(stale).ShouldBeFalse();
        File.Exists(recent).ShouldBeTrue();
    }

    /// <summary>Hands out its bytes until <c>pauseAfter</c>, then waits; <see cref="Fail"/> makes the next read throw.</summary>
    private sealed class GatedStream(byte[] bytes, int pauseAfter) : MemoryStream(bytes)
    {
        private readonly TaskCompletionSource _paused = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _failed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Paused => _paused.Task;

        public override bool CanSeek => false;

        public void Fail() => _failed.SetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Position >= pauseAfter)
            {
                _paused.TrySetResult();
                await _failed.Task.WaitAsync(cancellationToken);
                throw new IOException("The client went away.");
            }

            return await base.ReadAsync(buffer[..(int)Math.Min(buffer.Length, pauseAfter - Position)], cancellationToken);
        }
    }
}
