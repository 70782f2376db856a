namespace EcoBid.Server.Identity;

/// <summary>The languages EcoBid speaks: a profile's <c>locale</c>, which decides how texts and amounts are written for it.</summary>
public static class Locales
{
    public const string English = "en";
    public const string Polish = "pl";
    public const string Default = English;

    public static IReadOnlyList<string> All { get; } = [English, Polish];

    public static bool IsKnown(string? locale) => locale is English or Polish;
}
