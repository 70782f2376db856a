namespace EcoBid.Events.Patterns;

/// <summary>Holds when any of several matchers holds (used for lists inside anything-but).</summary>
internal sealed class AnyStringMatcher(StringMatcher[] matchers) : StringMatcher
{
    public override bool Matches(ReadOnlySpan<char> text)
    {
        foreach (StringMatcher matcher in matchers)
        {
            if (matcher.Matches(text))
            {
                return true;
            }
        }

        return false;
    }
}
