using NetVips;

namespace EcoBid.Images.Processing;

/// <summary>
/// Brings any decoded image to 8-bit sRGB (with its alpha, if any): through its embedded ICC profile when it has
/// one (Display P3 phone photos, CMYK), otherwise by libvips' colour-space conversion (greyscale, 16-bit, CMYK
/// without a profile). Applied after shrinking, where an ICC transform costs a tenth of what it does at full size.
/// </summary>
internal static class ColourToSrgb
{
    internal static Image Convert(Image image)
    {
        if (image.Contains("icc-profile-data"))
        {
            try
            {
                return image.IccTransform("srgb", embedded: true, intent: Enums.Intent.Perceptual, depth: 8);
            }
            catch (VipsException)
            {
                // A damaged profile is no reason to refuse the photo: convert as if it had none.
            }
        }

        var converted = image.Interpretation == Enums.Interpretation.Srgb ? image.Copy() : image.Colourspace(Enums.Interpretation.Srgb);
        if (converted.Format == Enums.BandFormat.Uchar)
            return converted;
        using (converted)
            return converted.Cast(Enums.BandFormat.Uchar);
    }
}
