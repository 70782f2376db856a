using System.Text.Json;

namespace EcoBid.Events.Patterns;

/// <summary>Wording helpers for error messages about JSON values.</summary>
internal static class JsonKinds
{
    private static readonly string[] LocationMarkers = [" Path:", " LineNumber:"];

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "undefined",
    };

    /// <summary>Turns a parser error into "reason (line L, column C)" with 1-based positions.</summary>
    public static string DescribeSyntaxError(JsonException ex)
    {
        // The parser appends its own location details ("Path: ... | LineNumber: ..."); they are replaced below.
        string reason = ex.Message;
        foreach (string marker in LocationMarkers)
        {
            int cut = reason.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                reason = reason[..cut];
            }
        }

        return ex.LineNumber is long line && ex.BytePositionInLine is long column
            ? $"{reason} (line {line + 1}, column {column + 1})"
            : reason;
    }
}
