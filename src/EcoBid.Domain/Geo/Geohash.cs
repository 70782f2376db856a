using System.Text;

namespace EcoBid.Domain.Geo;

/// <summary>Geohash encoding (base-32, interleaved longitude/latitude bits, as geohash.org defines it).</summary>
public static class Geohash
{
    public const int DefaultPrecision = 9;
    public const int MaxPrecision = 12;
    private const string Alphabet = "0123456789bcdefghjkmnpqrstuvwxyz";

    public static string Encode(GeoPoint point, int precision = DefaultPrecision)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(precision, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(precision, MaxPrecision);
        double latMin = -90, latMax = 90, lonMin = -180, lonMax = 180;
        var hash = new StringBuilder(precision);
        var evenBit = true;
        int bit = 0, index = 0;
        while (hash.Length < precision)
        {
            if (evenBit)
            {
                var mid = (lonMin + lonMax) / 2;
                index = (index << 1) | (point.Lon >= mid ? 1 : 0);
                if (point.Lon >= mid) lonMin = mid; else lonMax = mid;
            }
            else
            {
                var mid = (latMin + latMax) / 2;
                index = (index << 1) | (point.Lat >= mid ? 1 : 0);
                if (point.Lat >= mid) latMin = mid; else latMax = mid;
            }

            evenBit = !evenBit;
            if (++bit == 5)
            {
                hash.Append(Alphabet[index]);
                bit = 0;
                index = 0;
            }
        }

        return hash.ToString();
    }

    /// <summary>The cell a geohash names: every point whose geohash starts with it lies in this box.</summary>
    public static GeoBox Bounds(string hash)
    {
        ArgumentException.ThrowIfNullOrEmpty(hash);
        double latMin = -90, latMax = 90, lonMin = -180, lonMax = 180;
        var evenBit = true;
        foreach (var character in hash)
        {
            var index = Alphabet.IndexOf(character, StringComparison.Ordinal);
            if (index < 0)
            {
                throw new ArgumentException($"'{character}' is not a geohash character.", nameof(hash));
            }

            for (var bit = 4; bit >= 0; bit--)
            {
                var set = ((index >> bit) & 1) == 1;
                if (evenBit)
                {
                    var mid = (lonMin + lonMax) / 2;
                    if (set) lonMin = mid; else lonMax = mid;
                }
                else
                {
                    var mid = (latMin + latMax) / 2;
                    if (set) latMin = mid; else latMax = mid;
                }

                evenBit = !evenBit;
            }
        }

        return new GeoBox(latMin, latMax, lonMin, lonMax);
    }
}
