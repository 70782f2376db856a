using System.Runtime.InteropServices;
using System.Text.Json;

namespace EcoBid.Events.Patterns;

/// <summary>
/// Canonical text for JSON numbers, used for exact number matching. The value is written as
/// <c>[-]DIGITS e EXP</c> meaning 0.DIGITS × 10^EXP with no leading or trailing zeros, so numerically
/// equal literals (5, 5.0, 5e0, 0.5E1) share one form at any magnitude and precision, while a string
/// such as "5" never compares equal to a number.
/// </summary>
internal static class NumberText
{
    /// <summary>Size of the stack buffer callers provide; longer literals are materialized.</summary>
    public const int StackChars = 64;

    private const int ExponentHeadroom = 24;
    private const long MaxExponent = 1_000_000_000_000_000L;

    public static string Canonical(JsonElement number) => Canonical(number, []).ToString();

    public static ReadOnlySpan<char> Canonical(JsonElement number, Span<char> buffer)
    {
        ReadOnlySpan<byte> raw = JsonMarshal.GetRawUtf8Value(number);
        Span<char> destination = raw.Length + ExponentHeadroom <= buffer.Length
            ? buffer
            : new char[raw.Length + ExponentHeadroom];
        int written = Write(raw, destination);
        return destination[..written];
    }

    /// <summary>Writes the canonical form of a number literal that the JSON reader has already validated.</summary>
    private static int Write(ReadOnlySpan<byte> raw, Span<char> destination)
    {
        int i = 0;
        bool negative = raw[0] == (byte)'-';
        if (negative)
        {
            i++;
        }

        int integerStart = i;
        while (i < raw.Length && IsDigit(raw[i]))
        {
            i++;
        }

        ReadOnlySpan<byte> integerDigits = raw[integerStart..i];
        ReadOnlySpan<byte> fractionDigits = [];
        if (i < raw.Length && raw[i] == (byte)'.')
        {
            int fractionStart = ++i;
            while (i < raw.Length && IsDigit(raw[i]))
            {
                i++;
            }

            fractionDigits = raw[fractionStart..i];
        }

        long exponent = integerDigits.Length;
        if (i < raw.Length)
        {
            if (!TryReadExponent(raw[(i + 1)..], out long written))
            {
                // Absurd exponents keep their literal text: equal only to the same literal.
                destination[0] = '~';
                for (int k = 0; k < raw.Length; k++)
                {
                    destination[k + 1] = (char)raw[k];
                }

                return raw.Length + 1;
            }

            exponent += written;
        }

        // Significant digits are integerDigits followed by fractionDigits; trim zeros on both ends.
        int total = integerDigits.Length + fractionDigits.Length;
        int first = 0;
        while (first < total && DigitAt(integerDigits, fractionDigits, first) == (byte)'0')
        {
            first++;
        }

        if (first == total)
        {
            destination[0] = '0';
            return 1;
        }

        int last = total - 1;
        while (DigitAt(integerDigits, fractionDigits, last) == (byte)'0')
        {
            last--;
        }

        int position = 0;
        if (negative)
        {
            destination[position++] = '-';
        }

        for (int k = first; k <= last; k++)
        {
            destination[position++] = (char)DigitAt(integerDigits, fractionDigits, k);
        }

        destination[position++] = 'e';
        (exponent - first).TryFormat(destination[position..], out int exponentLength, default, System.Globalization.CultureInfo.InvariantCulture);
        return position + exponentLength;
    }

    private static bool TryReadExponent(ReadOnlySpan<byte> text, out long exponent)
    {
        exponent = 0;
        bool negative = false;
        if (text[0] == (byte)'+' || text[0] == (byte)'-')
        {
            negative = text[0] == (byte)'-';
            text = text[1..];
        }

        foreach (byte digit in text)
        {
            exponent = (exponent * 10) + (digit - '0');
            if (exponent > MaxExponent)
            {
                return false;
            }
        }

        if (negative)
        {
            exponent = -exponent;
        }

        return true;
    }

    private static byte DigitAt(ReadOnlySpan<byte> integerDigits, ReadOnlySpan<byte> fractionDigits, int index) =>
        index < integerDigits.Length ? integerDigits[index] : fractionDigits[index - integerDigits.Length];

    private static bool IsDigit(byte value) => value is >= (byte)'0' and <= (byte)'9';
}
