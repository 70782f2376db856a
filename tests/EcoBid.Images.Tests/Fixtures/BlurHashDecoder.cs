namespace EcoBid.Images.Tests.Fixtures;

/// <summary>
/// A BlurHash decoder written from the published algorithm, independent of the encoder under test: it turns a hash
/// back into 8-bit sRGB pixels so tests can look at the colours a client would paint.
/// </summary>
internal static class BlurHashDecoder
{
    private const string Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";

    public static (int X, int Y) Components(string hash)
    {
        var sizeFlag = Decode83(hash[..1]);
        return (sizeFlag % 9 + 1, sizeFlag / 9 + 1);
    }

    public static (int R, int G, int B) AverageColour(string hash)
    {
        var dc = Decode83(hash[2..6]);
        return (dc >> 16, (dc >> 8) & 255, dc & 255);
    }

    /// <summary>Pixels as (r, g, b) rows, top to bottom.</summary>
    public static (int R, int G, int B)[,] Decode(string hash, int width, int height)
    {
        var (componentsX, componentsY) = Components(hash);
        var maximum = (Decode83(hash[1..2]) + 1) / 166.0;
        var colours = new (double R, double G, double B)[componentsX * componentsY];
        var (r, g, b) = AverageColour(hash);
        colours[0] = (ToLinear(r), ToLinear(g), ToLinear(b));
        for (var k = 1; k < colours.Length; k++)
        {
            var value = Decode83(hash.Substring(4 + 2 * k, 2));
            colours[k] = (Ac(value / 361, maximum), Ac(value / 19 % 19, maximum), Ac(value % 19, maximum));
        }

        var pixels = new (int, int, int)[height, width];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                double pr = 0, pg = 0, pb = 0;
                for (var j = 0; j < componentsY; j++)
                {
                    for (var i = 0; i < componentsX; i++)
                    {
                        var basis = Math.Cos(Math.PI * x * i / width) * Math.Cos(Math.PI * y * j / height);
                        var c = colours[j * componentsX + i];
                        pr += c.R * basis;
                        pg += c.G * basis;
                        pb += c.B * basis;
                    }
                }
                pixels[y, x] = (ToSrgb(pr), ToSrgb(pg), ToSrgb(pb));
            }
        }
        return pixels;
    }

    private static int Decode83(string digits) => digits.Aggregate(0, (value, c) => value * 83 + Digits.IndexOf(c));

    private static double Ac(int quantised, double maximum)
    {
        var v = (quantised - 9) / 9.0;
        return Math.CopySign(v * v, v) * maximum;
    }

    private static double ToLinear(int value)
    {
        var v = value / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
    }

    private static int ToSrgb(double linear)
    {
        var v = Math.Clamp(linear, 0, 1);
        return (int)Math.Round((v <= 0.0031308 ? v * 12.92 : 1.055 * Math.Pow(v, 1 / 2.4) - 0.055) * 255);
    }
}
