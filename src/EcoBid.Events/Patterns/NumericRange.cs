namespace EcoBid.Events.Patterns;

/// <summary>A compiled <c>numeric</c> expression: an optional lower and an optional upper bound.</summary>
internal readonly record struct NumericRange(
    double Lower,
    bool LowerInclusive,
    double Upper,
    bool UpperInclusive)
{
    public static NumericRange Equal(double value) => new(value, true, value, true);

    public bool Contains(double value) =>
        (LowerInclusive ? value >= Lower : value > Lower)
        && (UpperInclusive ? value <= Upper : value < Upper);
}
