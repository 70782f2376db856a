namespace EcoBid.Events.Patterns;

/// <summary>A compiled <c>numeric</c> expression over comparable forms (see <see cref="ComparableNumber"/>).</summary>
internal readonly record struct NumericRange(
    long Lower,
    bool LowerInclusive,
    long Upper,
    bool UpperInclusive)
{
    public static NumericRange Unbounded { get; } = new(long.MinValue, true, long.MaxValue, true);

    public static NumericRange Equal(long key) => new(key, true, key, true);

    public bool Contains(long key) =>
        (LowerInclusive ? key >= Lower : key > Lower)
        && (UpperInclusive ? key <= Upper : key < Upper);
}
