using EcoBid.Images.Formats;

namespace EcoBid.Images.Processing;

/// <summary>Refuses formats that are not processed, and declared content types that do not match the bytes.</summary>
internal static class UploadTypeCheck
{
    private const string Accepted = "only JPEG, PNG, WebP and AVIF photos are accepted";

    internal static List<ImageProblem> Check(ImageFormat? sniffed, string? declaredContentType)
    {
        var problems = new List<ImageProblem>();
        if (sniffed is null || !sniffed.IsAccepted)
            problems.Add(new(ImageProblemCodes.UnsupportedType, RefusalMessage(sniffed)));

        var declared = ImageFormat.FromContentType(declaredContentType);
        if (declared is null || declared != sniffed)
        {
            var said = string.IsNullOrWhiteSpace(declaredContentType) ? "no content type" : $"'{declaredContentType}'";
            var found = sniffed is null ? "not in any known format" : $"{sniffed.Name} ({sniffed.MimeType})";
            problems.Add(new(ImageProblemCodes.TypeMismatch, $"The upload was declared with {said}, but its bytes are {found}."));
        }
        return problems;
    }

    private static string RefusalMessage(ImageFormat? sniffed)
    {
        if (sniffed is null)
            return $"The file is not an image format that can be read; {Accepted}.";
        if (sniffed == ImageFormat.Heic)
            return $"HEIC photos cannot be read here; {Accepted} (phones can save or share photos as JPEG).";
        if (sniffed == ImageFormat.Gif)
            return $"GIF images and animations are not accepted; {Accepted}.";
        if (sniffed == ImageFormat.Svg)
            return $"SVG drawings are not accepted (they can carry scripts and links); {Accepted}.";
        return $"The file is {sniffed.Name}, not a photo; {Accepted}.";
    }
}
