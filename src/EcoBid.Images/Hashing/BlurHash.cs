namespace EcoBid.Images.Hashing;

/// <summary>
/// The BlurHash encoder (https://blurha.sh, algorithm as published by Wolt): the image as a few cosine components in
/// linear light, quantised into base 83. The first character holds the component counts, the second the AC
/// amplitude scale, the next four the average colour (DC), then two per AC component.
/// </summary>
internal static class BlurHash
{
    /// <summary>Encodes 8-bit sRGB pixels (3 bytes each, rows top to bottom) with the given component counts (1–9).</summary>
    internal static string Encode(ReadOnlySpan<byte> rgb, int width, int height, int componentsX, int componentsY)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(componentsX, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(componentsX, 9);
        ArgumentOutOfRangeException.ThrowIfLessThan(componentsY, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(componentsY, 9);
        if (width < 1 || height < 1 || rgb.Length != width * height * 3)
            throw new ArgumentException("Expected width × height × 3 bytes.", nameof(rgb));

        var factors = new (double R, double G, double B)[componentsX * componentsY];
        for (var j = 0; j < componentsY; j++)
        {
            for (var i = 0; i < componentsX; i++)
                factors[j * componentsX + i] = Component(rgb, width, height, i, j);
        }

        var acCount = factors.Length - 1;
        var hash = new char[2 + 4 + 2 * acCount];
        Base83.Encode(componentsX - 1 + (componentsY - 1) * 9, 1, hash.AsSpan(0, 1));

        double maximum = 1;
        if (acCount > 0)
        {
            var actualMaximum = 0.0;
            for (var k = 1; k < factors.Length; k++)
                actualMaximum = Math.Max(actualMaximum, Math.Max(Math.Abs(factors[k].R), Math.Max(Math.Abs(factors[k].G), Math.Abs(factors[k].B))));
            var quantised = (int)Math.Max(0, Math.Min(82, Math.Floor(actualMaximum * 166 - 0.5)));
            maximum = (quantised + 1) / 166.0;
            Base83.Encode(quantised, 1, hash.AsSpan(1, 1));
        }
        else
        {
            Base83.Encode(0, 1, hash.AsSpan(1, 1));
        }

        var dc = factors[0];
        Base83.Encode((LinearToSrgb(dc.R) << 16) + (LinearToSrgb(dc.G) << 8) + LinearToSrgb(dc.B), 4, hash.AsSpan(2, 4));
        for (var k = 1; k < factors.Length; k++)
        {
            var ac = factors[k];
            var value = QuantiseAc(ac.R, maximum) * 19 * 19 + QuantiseAc(ac.G, maximum) * 19 + QuantiseAc(ac.B, maximum);
            Base83.Encode(value, 2, hash.AsSpan(6 + 2 * (k - 1), 2));
        }
        return new string(hash);
    }

    private static (double R, double G, double B) Component(ReadOnlySpan<byte> rgb, int width, int height, int i, int j)
    {
        double r = 0, g = 0, b = 0;
        for (var y = 0; y < height; y++)
        {
            var basisY = Math.Cos(Math.PI * j * y / height);
            for (var x = 0; x < width; x++)
            {
                var basis = Math.Cos(Math.PI * i * x / width) * basisY;
                var p = (y * width + x) * 3;
                r += basis * SrgbToLinear(rgb[p]);
                g += basis * SrgbToLinear(rgb[p + 1]);
                b += basis * SrgbToLinear(rgb[p + 2]);
            }
        }
        var scale = (i == 0 && j == 0 ? 1.0 : 2.0) / (width * height);
        return (r * scale, g * scale, b * scale);
    }

    private static int QuantiseAc(double value, double maximum) =>
        (int)Math.Max(0, Math.Min(18, Math.Floor(SignedSqrt(value / maximum) * 9 + 9.5)));

    private static double SignedSqrt(double value) => Math.CopySign(Math.Sqrt(Math.Abs(value)), value);

    internal static double SrgbToLinear(int value)
    {
        var v = value / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
    }

    internal static int LinearToSrgb(double value)
    {
        var v = Math.Clamp(value, 0, 1);
        return v <= 0.0031308
            ? (int)(v * 12.92 * 255 + 0.5)
            : (int)((1.055 * Math.Pow(v, 1 / 2.4) - 0.055) * 255 + 0.5);
    }
}
