using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace EcoBid.Events.Patterns;

/// <summary>Reads the text of a JSON string value without allocating in the common case.</summary>
internal static class JsonText
{
    /// <summary>Size of the stack buffer callers provide; longer or escaped strings are materialized.</summary>
    public const int StackChars = 256;

    public static ReadOnlySpan<char> GetChars(JsonElement stringValue, Span<char> buffer)
    {
        // The raw value is the UTF-8 source text, quotes included.
        ReadOnlySpan<byte> raw = JsonMarshal.GetRawUtf8Value(stringValue);
        raw = raw[1..^1];
        if (raw.Length <= buffer.Length && !raw.Contains((byte)'\\'))
        {
            int written = Encoding.UTF8.GetChars(raw, buffer);
            return buffer[..written];
        }

        return stringValue.GetString().AsSpan();
    }
}
