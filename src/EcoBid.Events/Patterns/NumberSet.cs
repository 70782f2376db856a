namespace EcoBid.Events.Patterns;

/// <summary>A set of numbers kept in canonical text form (see <see cref="NumberText"/>), so 5, 5.0 and 5e0 are one member.</summary>
internal sealed class NumberSet
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public NumberSet(IEnumerable<string> canonicalNumbers)
    {
        lookup = new HashSet<string>(canonicalNumbers, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool Contains(ReadOnlySpan<char> canonicalNumber) => lookup.Contains(canonicalNumber);
}
