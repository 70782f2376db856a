using System.Text.Json;

namespace EcoBid.Server.Http;

/// <summary>
/// A <see cref="JsonElement"/> taken from a body keeps its strings undecoded: JSON allows an escaped lone surrogate
/// (<c>"\ud800"</c>) and the reader lets invalid UTF-8 through, and either throws only when the text is read. This reads
/// every string and property name once, so a request can be refused with a 400 before anything uses it.
/// </summary>
public static class JsonText
{
    /// <returns>True when every string and property name in <paramref name="element"/> is valid Unicode text.</returns>
    public static bool IsValidText(JsonElement element)
    {
        try
        {
            Visit(element);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <returns>True when <paramref name="json"/> is not JSON (its parser names that fault) or is JSON whose text is all valid Unicode.</returns>
    public static bool IsValidText(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return IsValidText(document.RootElement);
        }
        catch (JsonException)
        {
            return true;
        }
    }

    public const string Problem = "It holds text that is not valid Unicode (an escaped lone surrogate such as \\ud800, or bytes that are not UTF-8).";

    /// <summary>Recursion as deep as the element, which its reader bounded (64 levels by default).</summary>
    private static void Visit(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                _ = element.GetString();
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    Visit(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Visit(item);
                }

                break;
        }
    }
}
