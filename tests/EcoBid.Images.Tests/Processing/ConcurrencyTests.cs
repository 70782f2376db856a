using EcoBid.Images.Processing;
using EcoBid.Images.Tests.Fixtures;

namespace EcoBid.Images.Tests.Processing;

public class ConcurrencyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Parallel_calls_never_process_more_images_at_once_than_MaxConcurrency(int maxConcurrency)
    {
        using var processor = new ImageProcessor(new ImageProcessingOptions { MaxConcurrency = maxConcurrency });
        var gate = new TaskCompletionSource();
        var streams = Enumerable.Range(0, maxConcurrency + 3).Select(_ => new BlockingStream(gate.Task)).ToList();

        // Every call holds its slot until the gate opens, so however the machine schedules them, the slots fill up.
        var calls = streams.Select(stream => processor.ProcessAsync(stream, "image/jpeg")).ToList();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (processor.PeakRunning < maxConcurrency && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        await Task.Delay(200); // time for a leaky gate to let a third call in
        processor.PeakRunning.ShouldBe(maxConcurrency);
        calls.Count(c => c.IsCompleted).ShouldBe(0);

        gate.SetResult();
        var results = await Task.WhenAll(calls);
        results.ShouldAllBe(r => r.Codes().SequenceEqual(new[] { ImageProblemCodes.Empty }));
        processor.PeakRunning.ShouldBe(maxConcurrency);
        streams.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task Parallel_real_images_are_all_processed()
    {
        using var processor = new ImageProcessor(new ImageProcessingOptions { MaxConcurrency = 2 });
        var jpeg = TestImages.Jpeg(1600, 1200, seed: 11);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => processor.Process(jpeg, "image/jpeg"))));

        results.ShouldAllBe(r => r.IsAccepted);
        processor.PeakRunning.ShouldBeInRange(1, 2);
    }

    [Fact]
    public async Task A_call_waiting_for_its_turn_can_be_cancelled()
    {
        using var processor = new ImageProcessor(new ImageProcessingOptions { MaxConcurrency = 1 });
        var gate = new TaskCompletionSource();
        using var blocking = new BlockingStream(gate.Task);
        var first = processor.ProcessAsync(blocking, "image/jpeg");
        using var cancel = new CancellationTokenSource();

        var second = processor.ProcessAsync(new MemoryStream(TestImages.Jpeg(64, 64)), "image/jpeg", cancel.Token);
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => second);
        gate.SetResult();
        (await first).Codes().ShouldBe([ImageProblemCodes.Empty]);
    }

    /// <summary>An empty upload whose first read waits for a signal, holding the processor's only slot.</summary>
    private sealed class BlockingStream(Task signal) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await signal;
            return 0;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
