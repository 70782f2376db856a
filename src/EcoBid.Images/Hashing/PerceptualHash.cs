using System.Globalization;
using System.Numerics;

namespace EcoBid.Images.Hashing;

/// <summary>
/// A 64-bit difference hash (dHash) of an image: the picture shrunk to 9 × 8 grey pixels, one bit per pair of
/// horizontal neighbours (set when brightness rises to the right). Resizing and recompression change few bits;
/// a different picture changes about half. Stored as 16 lowercase hex digits (<see cref="ToString"/>).
/// </summary>
public readonly record struct PerceptualHash(ulong Value)
{
    internal const int SampleWidth = 9;
    internal const int SampleHeight = 8;

    /// <summary>The number of differing bits (Hamming distance), 0 to 64; small means visually similar.</summary>
    public static int Distance(PerceptualHash a, PerceptualHash b) => BitOperations.PopCount(a.Value ^ b.Value);

    /// <summary>The hash of a 9 × 8 one-byte-per-pixel grey sample, rows top to bottom.</summary>
    internal static PerceptualHash FromGreySample(ReadOnlySpan<byte> grey)
    {
        if (grey.Length != SampleWidth * SampleHeight)
            throw new ArgumentException($"Expected {SampleWidth}×{SampleHeight} grey pixels.", nameof(grey));
        ulong bits = 0;
        for (var y = 0; y < SampleHeight; y++)
        {
            for (var x = 0; x < SampleWidth - 1; x++)
            {
                bits <<= 1;
                if (grey[y * SampleWidth + x] < grey[y * SampleWidth + x + 1])
                    bits |= 1;
            }
        }
        return new PerceptualHash(bits);
    }

    public static PerceptualHash Parse(string hex) =>
        TryParse(hex, out var hash) ? hash : throw new FormatException($"'{hex}' is not 16 hex digits.");

    public static bool TryParse(string? hex, out PerceptualHash hash)
    {
        hash = default;
        if (hex is not { Length: 16 } || !ulong.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
            return false;
        hash = new PerceptualHash(value);
        return true;
    }

    public override string ToString() => Value.ToString("x16", CultureInfo.InvariantCulture);
}
