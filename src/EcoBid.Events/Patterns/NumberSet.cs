using System.Runtime.InteropServices;
using System.Text.Json;

namespace EcoBid.Events.Patterns;

/// <summary>
/// Numbers listed in a pattern for exact matching. An event number equals a listed one when both have the
/// same comparable form (see <see cref="ComparableNumber"/>: 5, 5.0 and 5e0 are one value) or, for numbers
/// outside the comparable range such as account ids, when the literal text is identical.
/// </summary>
internal sealed class NumberSet
{
    private const int StackChars = 64;

    private readonly HashSet<long> keys = [];
    private readonly HashSet<string> literals = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> literalLookup;

    public NumberSet()
    {
        literalLookup = literals.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool IsEmpty => keys.Count == 0 && literals.Count == 0;

    public void Add(JsonElement number)
    {
        literals.Add(number.GetRawText());
        if (ComparableNumber.TryGetKey(number, out long key))
        {
            keys.Add(key);
        }
    }

    public bool Contains(JsonElement number, bool hasKey, long key)
    {
        if (hasKey && keys.Contains(key))
        {
            return true;
        }

        // Number literals are ASCII, so bytes widen to chars one to one.
        ReadOnlySpan<byte> raw = JsonMarshal.GetRawUtf8Value(number);
        Span<char> text = raw.Length <= StackChars ? stackalloc char[StackChars] : new char[raw.Length];
        for (int i = 0; i < raw.Length; i++)
        {
            text[i] = (char)raw[i];
        }

        return literalLookup.Contains(text[..raw.Length]);
    }
}
