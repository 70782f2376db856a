using System.Buffers;
using System.Text;

namespace EcoBid.Events.Patterns;

/// <summary>
/// Text compared ignoring case the way event-ruler does it: each character of the pattern matches its own
/// lower case or its upper case (simple, culture-invariant mappings), and nothing else. So "Σ" matches "σ"
/// but not the final sigma "ς", "I" does not match the dotless "ı", and the Kelvin sign matches "k".
/// </summary>
internal sealed class IgnoreCaseText
{
    private readonly (Rune Lower, Rune Upper)[] letters;

    public IgnoreCaseText(string text)
    {
        var cases = new List<(Rune, Rune)>(text.Length);
        foreach (Rune rune in text.EnumerateRunes())
        {
            cases.Add((Rune.ToLowerInvariant(rune), Rune.ToUpperInvariant(rune)));
        }

        letters = [.. cases];
    }

    public bool IsEqualTo(ReadOnlySpan<char> text) => MatchesFromStart(text, out int used) && used == text.Length;

    public bool IsPrefixOf(ReadOnlySpan<char> text) => MatchesFromStart(text, out _);

    public bool IsSuffixOf(ReadOnlySpan<char> text)
    {
        for (int i = letters.Length - 1; i >= 0; i--)
        {
            if (Rune.DecodeLastFromUtf16(text, out Rune rune, out int length) != OperationStatus.Done
                || (rune != letters[i].Lower && rune != letters[i].Upper))
            {
                return false;
            }

            text = text[..^length];
        }

        return true;
    }

    private bool MatchesFromStart(ReadOnlySpan<char> text, out int used)
    {
        used = 0;
        foreach ((Rune lower, Rune upper) in letters)
        {
            if (Rune.DecodeFromUtf16(text[used..], out Rune rune, out int length) != OperationStatus.Done
                || (rune != lower && rune != upper))
            {
                return false;
            }

            used += length;
        }

        return true;
    }
}
