using System.Text.Json;
namespace EcoBid.Events.Patterns;
// placeholder until the pattern library lands
public sealed class EventPattern
{
    private EventPattern(string json) => Json = json;
    public string Json { get; }
    public static EventPattern Parse(string patternJson) => new(patternJson);
    public bool Matches(string e) { using var d = JsonDocument.Parse(e); return Matches(d.RootElement); }
    public bool Matches(JsonElement @event)
    {
        using var doc = JsonDocument.Parse(Json);
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            if (!@event.TryGetProperty(p.Name, out var v) || p.Value.ValueKind != JsonValueKind.Array) return false;
            if (!p.Value.EnumerateArray().Any(x => x.ToString() == v.ToString())) return false;
        }
        return true;
    }
}
public sealed class InvalidEventPatternException(string m) : Exception(m) { public InvalidEventPatternException() : this("") { } public InvalidEventPatternException(string m, Exception e) : this(m) { _ = e; } }
public sealed class InvalidEventException(string m) : Exception(m) { public InvalidEventException() : this("") { } public InvalidEventException(string m, Exception e) : this(m) { _ = e; } }
