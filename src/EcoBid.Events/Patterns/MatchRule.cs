namespace EcoBid.Events.Patterns;

/// <summary>
/// One <c>$or</c>-free alternative of a pattern: field tests that must all hold, with consistent array
/// elements. A pattern matches when any of its rules does. Fields are kept in ordinal order of their paths,
/// the order in which event-ruler steps through them (it matters only for <c>exists: false</c> inside
/// arrays, see <see cref="EventMatcher"/>).
/// </summary>
internal sealed class MatchRule
{
    public MatchRule(IEnumerable<FieldTest> fields)
    {
        Fields = [.. fields.OrderBy(static f => f.Path, StringComparer.Ordinal)];
        LaterReach = new bool[Fields.Length][];
        for (int i = 0; i < Fields.Length; i++)
        {
            LaterReach[i] = Reach(Fields[i].Utf8Path, Fields.AsSpan(i + 1));
        }
    }

    public FieldTest[] Fields { get; }

    /// <summary>
    /// For field <c>i</c>, whether any later field's path also runs through the first <c>L</c> bytes of its
    /// path (<c>LaterReach[i][L]</c>, for <c>L</c> at a dot or the end). An event array found there is
    /// private to field <c>i</c> when no later field reaches it: which of its elements field <c>i</c> takes
    /// cannot change whether the later fields hold.
    /// </summary>
    public bool[][] LaterReach { get; }

    private static bool[] Reach(byte[] path, ReadOnlySpan<FieldTest> later)
    {
        var reach = new bool[path.Length + 1];
        foreach (FieldTest field in later)
        {
            ReadOnlySpan<byte> other = field.Utf8Path;
            int common = path.AsSpan().CommonPrefixLength(other);
            for (int length = 0; length <= common; length++)
            {
                bool boundary = length == path.Length || path[length] == (byte)'.';
                bool otherBoundary = length == other.Length || other[length] == (byte)'.';
                reach[length] |= boundary && otherBoundary;
            }
        }

        return reach;
    }
}
