using EcoBid.Images.Formats;

namespace EcoBid.Images.Processing;

/// <summary>
/// Turns an untrusted upload into safe renditions (see docs/images.md). Thread-safe; make one per process. At most
/// <see cref="ImageProcessingOptions.MaxConcurrency"/> uploads are read and processed at once (others wait), each on
/// one libvips thread, so memory in use stays within about MaxConcurrency × (MaxBytes + a few tens of MB).
/// </summary>
public sealed class ImageProcessor : IDisposable
{
    private readonly SemaphoreSlim gate;
    private readonly ImagePipeline pipeline;
    private readonly long maxBytes;
    private int running;
    private int peakRunning;

    /// <param name="options">Read once here; later changes have no effect.</param>
    public ImageProcessor(ImageProcessingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        VipsSetup.EnsureApplied();
        var snapshot = new ImageProcessingOptions
        {
            MaxPixels = options.MaxPixels,
            MaxAspectRatio = options.MaxAspectRatio,
            MaxBytes = options.MaxBytes,
            MaxConcurrency = options.MaxConcurrency,
            JpegQuality = options.JpegQuality,
            WebpQuality = options.WebpQuality,
            Renditions = [.. options.Renditions],
        };
        maxBytes = snapshot.MaxBytes;
        pipeline = new ImagePipeline(snapshot);
        gate = new SemaphoreSlim(snapshot.MaxConcurrency, snapshot.MaxConcurrency);
    }

    public ImageProcessor()
        : this(new ImageProcessingOptions())
    {
    }

    /// <summary>The most uploads this instance has had in processing at the same moment.</summary>
    internal int PeakRunning => Volatile.Read(ref peakRunning);

    /// <summary>
    /// Reads <paramref name="original"/> (not disposed here) and returns the renditions, or the problems it was
    /// refused for. <paramref name="declaredContentType"/> is the type the uploader claimed; it must name the format
    /// the bytes are. Bad input of any kind is a rejected result; only cancellation throws.
    /// </summary>
    public async Task<ImageProcessingResult> ProcessAsync(Stream original, string declaredContentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(original);
        await gate.WaitAsync(cancellationToken);
        Enter();
        try
        {
            var upload = await UploadReader.ReadAsync(original, maxBytes, cancellationToken);
            if (upload.Problem is { } problem)
                return ImageProcessingResult.Rejected([problem]);

            var format = ImageSniffer.Identify(upload.Data.AsSpan(0, Math.Min(upload.Data.Length, ImageSniffer.HeadLength)));
            var problems = UploadTypeCheck.Check(format, declaredContentType);
            if (problems.Count > 0 || format is null)
                return ImageProcessingResult.Rejected(problems);

            return await Task.Run(() => pipeline.Process(upload.Data, format, cancellationToken), cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref running);
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private void Enter()
    {
        var now = Interlocked.Increment(ref running);
        int peak;
        while (now > (peak = Volatile.Read(ref peakRunning)) && Interlocked.CompareExchange(ref peakRunning, now, peak) != peak)
        {
        }
    }
}
