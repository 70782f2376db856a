namespace EcoBid.Events.Patterns;

/// <summary>
/// One <c>$or</c>-free alternative of a pattern: field tests that must all hold, with consistent array
/// elements. A pattern matches when any of its rules does. Fields are kept in ordinal order of their paths,
/// the order in which event-ruler steps through them (it matters only for <c>exists: false</c> inside
/// arrays, see <see cref="EventMatcher"/>).
/// </summary>
internal sealed class MatchRule(IEnumerable<FieldTest> fields)
{
    public FieldTest[] Fields { get; } = [.. fields.OrderBy(static f => f.Path, StringComparer.Ordinal)];
}
