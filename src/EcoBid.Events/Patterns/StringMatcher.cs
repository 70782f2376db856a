namespace EcoBid.Events.Patterns;

/// <summary>A compiled test on the text of a string value.</summary>
internal abstract class StringMatcher
{
    public abstract bool Matches(ReadOnlySpan<char> text);
}
