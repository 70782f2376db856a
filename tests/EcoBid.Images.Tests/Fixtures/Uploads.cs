using EcoBid.Images.Processing;

namespace EcoBid.Images.Tests.Fixtures;

internal static class Uploads
{
    public static Task<ImageProcessingResult> Process(this ImageProcessor processor, byte[] bytes, string contentType) =>
        processor.ProcessAsync(new MemoryStream(bytes, writable: false), contentType);

    public static IEnumerable<string> Codes(this ImageProcessingResult result) => result.Problems.Select(p => p.Code);
}
