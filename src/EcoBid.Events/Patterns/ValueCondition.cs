using System.Text.Json;

namespace EcoBid.Events.Patterns;

/// <summary>A compiled condition on the value found at one field of the event.</summary>
internal abstract class ValueCondition
{
    /// <summary>Whether the condition holds when the field is not in the event at all.</summary>
    public abstract bool MatchesAbsent { get; }

    /// <summary>Tests the value of a field that is present in the event.</summary>
    public abstract bool Matches(JsonElement value);
}
