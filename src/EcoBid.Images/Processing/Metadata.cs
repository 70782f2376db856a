using NetVips;

namespace EcoBid.Images.Processing;

/// <summary>
/// Drops every metadata item (EXIF with GPS, XMP, IPTC, ICC, orientation, comments, gain maps) from an image, so no
/// rendition made from it can carry any, whatever the savers' own settings.
/// </summary>
internal static class Metadata
{
    private static readonly HashSet<string> Structural =
        ["width", "height", "bands", "format", "coding", "interpretation", "xoffset", "yoffset", "xres", "yres"];

    internal static Image Strip(Image image) =>
        image.Mutate(mutable =>
        {
            foreach (var field in image.GetFields())
            {
                if (!Structural.Contains(field))
                    mutable.Remove(field);
            }
        });
}
