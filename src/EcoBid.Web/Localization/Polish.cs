namespace EcoBid.Web.Localization;

/// <summary>The Polish wording, keyed by the English text the pages are written in.</summary>
internal static class Polish
{
    public static readonly IReadOnlyDictionary<string, string> Words = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ended"] = "zakończona",
    };
}
