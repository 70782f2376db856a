using System.Text;

namespace EcoBid.Events.Patterns;

/// <summary>
/// <c>wildcard</c>: <c>*</c> matches any run of characters (including none); <c>\*</c> is a literal star and
/// <c>\\</c> a literal backslash; any other backslash, and two stars in a row, are faults. The pattern is split
/// once into literal segments; matching anchors the first and last segment and finds the middle ones left to
/// right, which is exact for star-only globs.
/// </summary>
/// <remarks>
/// EventBridge refuses wildcard expressions it deems too complex, with event-ruler's message. Its measure
/// (event-ruler's machine complexity, against a threshold AWS does not publish) is not reproduced: an
/// expression with more than <see cref="MaxStars"/> wildcard characters stands in for it, which refuses
/// the over-complex <c>*:*:*:*:*:event-bus/*</c> and accepts typical ARN and path globs.
/// </remarks>
internal sealed class WildcardMatcher : StringMatcher
{
    public const int MaxStars = 5;

    public const string TooComplex =
        "Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character";

    private readonly string[] segments;

    private WildcardMatcher(string[] segments)
    {
        this.segments = segments;
    }

    /// <summary>Validates and compiles a wildcard expression.</summary>
    /// <exception cref="InvalidEventPatternException">Consecutive stars, a bad escape or too many stars.</exception>
    public static WildcardMatcher Create(string expression, string path)
    {
        var parts = new List<string>();
        var literal = new StringBuilder();
        bool previousWasStar = false;
        for (int i = 0; i < expression.Length; i++)
        {
            char c = expression[i];
            if (c == '*')
            {
                if (previousWasStar)
                {
                    throw PatternErrors.Create(path, $"Consecutive wildcard characters at pos {i}");
                }

                parts.Add(literal.ToString());
                literal.Clear();
                previousWasStar = true;
                continue;
            }

            previousWasStar = false;
            if (c == '\\')
            {
                if (i + 1 >= expression.Length || (expression[i + 1] != '*' && expression[i + 1] != '\\'))
                {
                    throw PatternErrors.Create(path, $"Invalid escape character at pos {i}; only \\* and \\\\ may be escaped");
                }

                c = expression[++i];
            }

            literal.Append(c);
        }

        parts.Add(literal.ToString());
        if (parts.Count - 1 > MaxStars)
        {
            throw PatternErrors.Create(path, TooComplex);
        }

        return new WildcardMatcher([.. parts]);
    }

    public override bool Matches(ReadOnlySpan<char> text)
    {
        string head = segments[0];
        if (segments.Length == 1)
        {
            return text.SequenceEqual(head);
        }

        string tail = segments[^1];
        if (text.Length < head.Length + tail.Length || !text.StartsWith(head) || !text.EndsWith(tail))
        {
            return false;
        }

        ReadOnlySpan<char> rest = text[head.Length..^tail.Length];
        for (int i = 1; i < segments.Length - 1; i++)
        {
            int found = rest.IndexOf(segments[i]);
            if (found < 0)
            {
                return false;
            }

            rest = rest[(found + segments[i].Length)..];
        }

        return true;
    }
}
