namespace EcoBid.Images.Processing;

/// <summary>
/// One rendition to make: <paramref name="Size"/> is the long edge in pixels, or the side of the square when
/// <paramref name="Square"/> (cropped to the most interesting part). Renditions are never upscaled.
/// </summary>
public sealed record RenditionSpec(string Name, int Size, bool Square = false)
{
    /// <summary><c>thumb</c> 160 px square for lists, <c>medium</c> 480 px and <c>large</c> 1280 px long edge.</summary>
    public static IReadOnlyList<RenditionSpec> Defaults { get; } =
        [new("thumb", 160, Square: true), new("medium", 480), new("large", 1280)];
}
