using System.Text.Json;

namespace EcoBid.Events.Patterns;

/// <summary>
/// The comparable form EventBridge (event-ruler) gives numbers for numeric matching: numbers from -5.0e9 to
/// 5.0e9 inclusive, kept to six digits right of the decimal point, as <c>(long)(1e6 * (5e9 + value))</c> in
/// double arithmetic. Numbers outside that range have no comparable form: they take part in no
/// <c>numeric</c> match and equal another number only when written with the identical literal text.
/// </summary>
internal static class ComparableNumber
{
    public const double Limit = 5.0e9;

    public const string OutOfRange = "Value must be between -5.0E9 and 5.0E9, inclusive";

    private const double Scale = 1.0e6;

    public static bool TryGetKey(double value, out long key)
    {
        // The negated test also rejects NaN.
        if (!(value >= -Limit && value <= Limit))
        {
            key = 0;
            return false;
        }

        key = (long)(Scale * (Limit + value));
        return true;
    }

    /// <summary>The comparable form of a JSON number, when it has one.</summary>
    public static bool TryGetKey(JsonElement number, out long key)
    {
        if (number.TryGetDouble(out double value))
        {
            return TryGetKey(value, out key);
        }

        key = 0;
        return false;
    }

    /// <summary>The comparable form of a number in a pattern, where a number outside the range is a fault.</summary>
    /// <exception cref="InvalidEventPatternException">The number is outside -5.0e9 .. 5.0e9.</exception>
    public static long RequireKey(JsonElement number, string path) =>
        TryGetKey(number, out long key) ? key : throw PatternErrors.Create(path, OutOfRange);
}
