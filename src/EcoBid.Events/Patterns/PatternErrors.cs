namespace EcoBid.Events.Patterns;

/// <summary>Builds validation failures and the paths they point at.</summary>
internal static class PatternErrors
{
    private const string Lead = "Event pattern is not valid. Reason: ";

    public static InvalidEventPatternException Create(string path, string reason) =>
        new(path.Length == 0 ? Lead + reason : $"{Lead}{reason} at {path}");

    public static string Child(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    public static string Item(string path, int index) => $"{path}[{index}]";
}
